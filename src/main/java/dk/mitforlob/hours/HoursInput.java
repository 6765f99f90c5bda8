package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import dk.mitforlob.platform.errors.Validation;

/**
 * What the citizen sends to register or correct paid hours.
 *
 * @param hours  decimal hours in quarter-hour steps, 0.25 to 24
 * @param reason why a correction is made; required for corrections, absent for new registrations
 */
public record HoursInput(LocalDate date, Employer employer, BigDecimal hours, String note, String activityId,
                         String reason) {

    private static final Pattern ACTIVITY_ID = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}");

    /** Checks the values on their own (the rules across registrations are the ledger's); 422 naming every field. */
    HoursEntry toEntry(boolean correction) {
        Validation v = Validation.of();
        v.required("date", date);
        v.date("date", date);
        if (v.required("employer", employer)) {
            v.at("employer", employer::validate);
        }
        int quarters = -1;
        if (v.required("hours", hours)) {
            quarters = Hours.quarters(hours);
            if (quarters < 1 || quarters > Hours.QUARTERS_PER_DAY) {
                v.error("hours", "must be between 0.25 and 24 in quarter-hour steps (0.25, 0.5, 0.75 ...)");
            }
        }
        v.text("note", note, 500);
        v.matches("activityId", activityId, ACTIVITY_ID, "must be the id of an activity of your plan");
        if (correction) {
            v.requiredText("reason", reason, 500);
        } else if (reason != null) {
            v.error("reason", "is only for corrections");
        }
        v.throwIfInvalid();
        return new HoursEntry(date, employer, quarters, note == null ? null : note.strip(), activityId);
    }

    /** What the citizen sends to withdraw a registration. */
    public record Withdrawal(String reason) {
        void validate() {
            Validation.of().requiredText("reason", reason, 500).throwIfInvalid();
        }
    }
}
