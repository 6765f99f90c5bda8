package dk.mitforlob.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** The weekday and wall-clock time of the weekly paid-hours nudge, in Copenhagen. */
public record NudgeTime(DayOfWeek day, LocalTime time) {

    /** Sunday evening: the ISO week is almost over, and nothing registered yet still counts for it. */
    public static final NudgeTime DEFAULT = new NudgeTime(DayOfWeek.SUNDAY, LocalTime.of(18, 0));

    public NudgeTime {
        Objects.requireNonNull(day);
        Objects.requireNonNull(time);
    }

    /** The nudge of the ISO week that starts on {@code monday}. */
    public Instant inWeekOf(LocalDate monday, ZoneId zone) {
        return ZonedDateTime.of(monday.with(TemporalAdjusters.nextOrSame(day)), time, zone).toInstant();
    }

    /** The first nudge at or after {@code after}. */
    public Instant firstFrom(Instant after, ZoneId zone) {
        LocalDate monday = mondayOf(after, zone);
        Instant thisWeek = inWeekOf(monday, zone);
        return thisWeek.isBefore(after) ? inWeekOf(monday.plusWeeks(1), zone) : thisWeek;
    }

    static LocalDate mondayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** An ISO week as the API and paid hours name it, {@code 2026-W48}. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
