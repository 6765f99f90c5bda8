package dk.mitforlob.reminders;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Collection;
import java.util.Set;

import dk.mitforlob.plan.Activity;
import dk.mitforlob.plan.ActivityStatus;
import dk.mitforlob.plan.ActivityType;
import dk.mitforlob.plan.Plan;

/**
 * The weekly nudge to register paid hours. Each citizen whose plan has a paid-hours activity has
 * one nudge pending, for the coming week; when it has been dealt with, the next week's is
 * scheduled. Whether it is pushed is decided at its time: only if that week's plan has a
 * paid-hours activity and nothing is registered for that ISO week.
 */
public final class HoursNudges {

    static final ZoneId COPENHAGEN = ReminderTexts.COPENHAGEN;
    /** The activities whose hours are paid, and so registered in Mit Forløb. */
    static final Set<ActivityType> PAID = EnumSet.of(ActivityType.SMALL_JOB, ActivityType.WAGE_SUBSIDY);
    static final String DEEP_LINK = "mitforlob://hours/new";

    private final ReminderRepository reminders;
    private final PreferencesRepository preferences;
    private final Clock clock;

    public HoursNudges(ReminderRepository reminders, PreferencesRepository preferences, Clock clock) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** Schedules the citizen's first nudge at or after {@code from}, unless that week's is there already. */
    void scheduleFrom(String citizenId, Instant from) {
        NudgeTime time = preferences.of(citizenId).orElse(NotificationPreferences.defaults()).hoursNudge();
        reminders.schedule(nudge(citizenId, time.firstFrom(from, COPENHAGEN)), clock.instant());
    }

    /** The citizen chose another nudge time: the pending nudge moves within its week, or to the next week. */
    void moved(String citizenId, NudgeTime time) {
        Instant now = clock.instant();
        for (Reminder pending : reminders.pending(citizenId, ReminderKind.HOURS_NUDGE)) {
            LocalDate monday = NudgeTime.mondayOf(pending.dueAt(), COPENHAGEN);
            Instant there = time.inWeekOf(monday, COPENHAGEN);
            if (there.isAfter(now) && reminders.reschedule(pending.key(), there, now)) {
                continue;
            }
            // that week's new time has passed: no nudge that week, so none comes twice
            reminders.withdraw(pending.key(), "rescheduled", now);
            scheduleFrom(citizenId, pending.expiresAt());
        }
    }

    /** The nudge of the week {@code dueAt} falls in; it is pointless once that ISO week is over. */
    static Reminder nudge(String citizenId, Instant dueAt) {
        LocalDate monday = NudgeTime.mondayOf(dueAt, COPENHAGEN);
        String week = NudgeTime.isoWeek(monday);
        return Reminder.due(citizenId, ReminderKind.HOURS_NUDGE, week, week, dueAt,
                monday.plusWeeks(1).atStartOfDay(COPENHAGEN).toInstant(), ReminderTexts.hoursNudge(), DEEP_LINK,
                Optional.empty());
    }

    /** Whether the plan has a paid-hours activity that is not over by {@code day}. */
    static boolean hasPaidActivityFrom(Plan plan, LocalDate day) {
        return plan.activities().stream().anyMatch(a -> isPaid(a) && (a.period().to() == null
                || !a.period().to().isBefore(day)));
    }

    /**
     * Why the nudge of the ISO week beginning {@code monday} is not to be given, if it is not;
     * {@code daysWithHours} are the days of the citizen's registrations that are not withdrawn.
     */
    static Optional<String> reasonNotToNudge(Plan plan, Collection<LocalDate> daysWithHours, LocalDate monday) {
        LocalDate sunday = monday.with(DayOfWeek.SUNDAY);
        boolean paidThatWeek = plan.activities().stream().anyMatch(a -> isPaid(a)
                && !a.period().from().isAfter(sunday) && (a.period().to() == null || !a.period().to().isBefore(monday)));
        if (!paidThatWeek) {
            return Optional.of("no-paid-hours-activity");
        }
        boolean registered = daysWithHours.stream().anyMatch(day -> !day.isBefore(monday) && !day.isAfter(sunday));
        return registered ? Optional.of("hours-registered") : Optional.empty();
    }

    private static boolean isPaid(Activity activity) {
        return PAID.contains(activity.type()) && activity.status() != ActivityStatus.CANCELLED
                && activity.status() != ActivityStatus.COMPLETED;
    }
}
