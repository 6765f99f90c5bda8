package dk.mitforlob.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/**
 * One state of a registration. The first is the registration itself; every correction and the
 * withdrawal add another. Nothing is ever overwritten.
 *
 * @param isoWeek the ISO week of {@code date}, e.g. {@code 2026-W48}, kept for grouping
 * @param month   the month of {@code date}, e.g. {@code 2026-11}, kept for grouping
 * @param reason  why a correction or withdrawal was made
 */
public record Revision(int number, Kind kind, LocalDate date, Employer employer, int quarters, String note,
                       String activityId, String reason, Instant at, String isoWeek, String month) {

    public enum Kind implements Codes.Coded {
        REGISTERED("registered"), CORRECTED("corrected"), WITHDRAWN("withdrawn");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Kind fromCode(String code) {
            return Codes.parse(Kind.class, code);
        }
    }

    static Revision of(int number, Kind kind, HoursEntry entry, String reason, Instant at) {
        return new Revision(number, kind, entry.date(), entry.employer(), entry.quarters(), entry.note(),
                entry.activityId(), reason, at, isoWeek(entry.date()), entry.date().toString().substring(0, 7));
    }

    public HoursEntry entry() {
        return new HoursEntry(date, employer, quarters, note, activityId);
    }

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
