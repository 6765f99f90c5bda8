package dk.mitforlob.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;

/**
 * Hours of the day, on the citizen's wall clock in Copenhagen, when no push may wake them: from
 * {@code from} up to {@code to}, across midnight when {@code from} is later than {@code to}.
 *
 * <p>Quiet hours follow the wall clock through the changes of daylight-saving time: on the night to
 * summer time the night is an hour shorter, on the night to winter time an hour longer. An end that
 * falls in the hour skipped in spring comes when the clocks jump (03:00 for 02:30), not an hour later.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("Quiet hours must start and end at different times");
        }
    }

    /** Whether a time of day is inside the quiet hours. */
    public boolean covers(LocalTime time) {
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }

    /** When the quiet hours around {@code at} end, if {@code at} is inside them. */
    public Optional<Instant> endIfInside(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (!covers(time)) {
            return Optional.empty();
        }
        // across midnight, from the evening side: they end tomorrow
        LocalDate endDay = from.isAfter(to) && !time.isBefore(from) ? day.plusDays(1) : day;
        LocalDateTime endLocal = LocalDateTime.of(endDay, to);
        ZoneOffsetTransition gap = zone.getRules().getTransition(endLocal);
        ZonedDateTime end = gap != null && gap.isGap() ? gap.getInstant().atZone(zone) : ZonedDateTime.of(endLocal, zone);
        if (!end.toInstant().isAfter(at)) {
            // the end falls in the hour repeated in autumn, and the first pass of it is already behind us
            end = end.withLaterOffsetAtOverlap();
        }
        return end.toInstant().isAfter(at) ? Optional.of(end.toInstant()) : Optional.empty();
    }
}
