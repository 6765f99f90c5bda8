package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.hours.Employer;
import dk.mitforlob.hours.HoursEntry;
import dk.mitforlob.plan.Activity;
import dk.mitforlob.plan.ActivityStatus;
import dk.mitforlob.plan.ActivityType;
import dk.mitforlob.plan.Plan;

/** When the weekly paid-hours nudge comes, and when it is not to be given. */
class HoursNudgesTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static Plan planWith(Activity... activities) {
        return ReminderWorld.plan(List.of(), List.of(activities));
    }

    private static List<LocalDate> ledgerWith(LocalDate... days) {
        return List.of(days);
    }

    @Test
    void the_default_nudge_is_sunday_at_six_in_the_evening() {
        assertThat(NudgeTime.DEFAULT).isEqualTo(new NudgeTime(DayOfWeek.SUNDAY, LocalTime.of(18, 0)));
        assertThat(NudgeTime.DEFAULT.inWeekOf(MONDAY, CPH)).isEqualTo(Instant.parse("2026-11-29T17:00:00Z"));
    }

    @Test
    void the_next_nudge_is_this_weeks_unless_it_has_passed() {
        NudgeTime wednesdayNoon = new NudgeTime(DayOfWeek.WEDNESDAY, LocalTime.NOON);

        assertThat(wednesdayNoon.firstFrom(Instant.parse("2026-11-25T10:59:59Z"), CPH))
                .isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(wednesdayNoon.firstFrom(Instant.parse("2026-11-25T11:00:00Z"), CPH)).as("exactly then")
                .isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(wednesdayNoon.firstFrom(Instant.parse("2026-11-25T11:00:01Z"), CPH))
                .isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
    }

    @Test
    void the_nudge_time_is_on_the_wall_clock_in_the_weeks_of_the_clock_changes() {
        NudgeTime sunday = NudgeTime.DEFAULT;

        assertThat(sunday.inWeekOf(LocalDate.of(2026, 3, 23), CPH)).as("29 March, summer time from 02:00")
                .isEqualTo(Instant.parse("2026-03-29T16:00:00Z"));
        assertThat(sunday.inWeekOf(LocalDate.of(2026, 10, 19), CPH)).as("25 October, winter time from 03:00")
                .isEqualTo(Instant.parse("2026-10-25T17:00:00Z"));
    }

    @Test
    void a_nudge_belongs_to_its_iso_week_and_is_pointless_once_the_week_is_over() {
        Reminder nudge = HoursNudges.nudge("c", Instant.parse("2026-11-29T17:00:00Z"));

        assertThat(nudge.subjectId()).isEqualTo("2026-W48");
        assertThat(nudge.key()).isEqualTo("c:hours-nudge:2026-W48");
        assertThat(nudge.expiresAt()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(HoursNudges.nudge("c", Instant.parse("2026-12-28T10:00:00Z")).subjectId())
                .as("ISO week 53 of 2026").isEqualTo("2026-W53");
        assertThat(HoursNudges.nudge("c", Instant.parse("2027-01-03T10:00:00Z")).subjectId())
                .as("3 January 2027 is still in 2026-W53").isEqualTo("2026-W53");
    }

    @Test
    void no_nudge_without_a_paid_hours_activity_that_week() {
        Activity placement = new Activity("a", ActivityType.WORK_PLACEMENT, ActivityStatus.IN_PROGRESS,
                new Activity.Period(MONDAY.minusWeeks(4), null), "Netto", null, null, null);

        assertThat(HoursNudges.reasonNotToNudge(planWith(placement), ledgerWith(), MONDAY))
                .contains("no-paid-hours-activity");
        assertThat(HoursNudges.reasonNotToNudge(planWith(), ledgerWith(), MONDAY)).contains("no-paid-hours-activity");
    }

    @Test
    void a_paid_activity_counts_from_its_first_to_its_last_day() {
        List<LocalDate> none = ledgerWith();

        assertThat(HoursNudges.reasonNotToNudge(planWith(ReminderWorld.smallJob(SUNDAY, null)), none, MONDAY))
                .as("starts on the week's last day").isEmpty();
        assertThat(HoursNudges.reasonNotToNudge(planWith(ReminderWorld.smallJob(MONDAY.minusWeeks(2), MONDAY)), none,
                MONDAY)).as("ends on the week's first day").isEmpty();
        assertThat(HoursNudges.reasonNotToNudge(planWith(ReminderWorld.smallJob(SUNDAY.plusDays(1), null)), none,
                MONDAY)).as("starts the week after").contains("no-paid-hours-activity");
        assertThat(HoursNudges.reasonNotToNudge(planWith(ReminderWorld.smallJob(MONDAY.minusWeeks(2),
                MONDAY.minusDays(1))), none, MONDAY)).as("ended the week before").contains("no-paid-hours-activity");
        Activity cancelled = new Activity("x", ActivityType.WAGE_SUBSIDY, ActivityStatus.CANCELLED,
                new Activity.Period(MONDAY, null), null, null, null, null);
        assertThat(HoursNudges.reasonNotToNudge(planWith(cancelled), none, MONDAY)).contains("no-paid-hours-activity");
    }

    @Test
    void hours_registered_on_any_day_of_the_iso_week_mean_no_nudge() {
        Plan plan = planWith(ReminderWorld.smallJob(MONDAY.minusWeeks(2), null));

        assertThat(HoursNudges.reasonNotToNudge(plan, ledgerWith(), MONDAY)).as("no rows").isEmpty();
        assertThat(HoursNudges.reasonNotToNudge(plan, ledgerWith(MONDAY), MONDAY)).contains("hours-registered");
        assertThat(HoursNudges.reasonNotToNudge(plan, ledgerWith(SUNDAY), MONDAY)).contains("hours-registered");
        assertThat(HoursNudges.reasonNotToNudge(plan, ledgerWith(MONDAY.minusDays(1), SUNDAY.plusDays(1)), MONDAY))
                .as("the Sunday before and the Monday after are other weeks").isEmpty();
    }

}
