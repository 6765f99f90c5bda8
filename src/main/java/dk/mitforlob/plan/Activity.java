package dk.mitforlob.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import dk.mitforlob.platform.errors.Validation;

/**
 * An activity (indsats) of the plan.
 *
 * @param provider    the employer or provider
 * @param weeklyHours hours a week, where the activity has them
 * @param goalId      the goal it serves, if any
 */
public record Activity(String id, ActivityType type, ActivityStatus status, Period period, String provider,
                       BigDecimal weeklyHours, String description, String goalId) {

    private static final BigDecimal MAX_WEEKLY_HOURS = BigDecimal.valueOf(60);

    public Activity {
        // 7.5 and 7.50 are the same hours; without this a re-sent plan would look changed
        weeklyHours = weeklyHours == null ? null : weeklyHours.stripTrailingZeros();
    }

    /** From and (optionally) to, both calendar days in Europe/Copenhagen. */
    public record Period(LocalDate from, LocalDate to) {
    }

    Activity withId(String newId) {
        return new Activity(newId, type, status, period, provider, weeklyHours, description, goalId);
    }

    void validate(Validation v) {
        v.required("type", type);
        v.required("status", status);
        if (v.required("period", period)) {
            v.at("period", p -> {
                p.required("from", period.from());
                p.date("from", period.from()).date("to", period.to());
                p.notBefore("to", period.from(), period.to());
            });
        }
        v.text("provider", provider, 200).text("description", description, 2000);
        if (weeklyHours != null && (weeklyHours.signum() <= 0 || weeklyHours.compareTo(MAX_WEEKLY_HOURS) > 0
                || weeklyHours.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0)) {
            v.error("weeklyHours", "must be more than 0 and at most 60, in quarter-hour steps");
        }
    }
}
