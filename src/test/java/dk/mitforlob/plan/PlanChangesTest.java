package dk.mitforlob.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.citizen.Language;

class PlanChangesTest {

    private static final Instant TEN = Instant.parse("2026-11-24T09:00:00Z");

    private static Meeting meeting(String id, Instant start, boolean cancelled) {
        return new Meeting(id, start, start.plusSeconds(3600), "Jobcentret", null, "Karen", "Opfølgning", null,
                cancelled);
    }

    private static Activity activity(String id, ActivityStatus status) {
        return new Activity(id, ActivityType.WORK_PLACEMENT, status, new Activity.Period(LocalDate.of(2026, 11, 1), null),
                "Netto", null, null, null);
    }

    private static Plan plan(List<Goal> goals, List<Activity> activities, List<Meeting> meetings, ContactPerson contact) {
        return new Plan(goals, activities, meetings, contact);
    }

    @Test
    void added_changed_and_removed_items_are_found_by_id() {
        Goal goal = new Goal("g1", GoalType.WORK, "Job", null, null, List.of());
        Plan before = plan(List.of(goal), List.of(activity("a1", ActivityStatus.PLANNED), activity("a2",
                ActivityStatus.PLANNED)), List.of(), null);
        Plan after = plan(List.of(goal, new Goal("g2", GoalType.EDUCATION, "Kursus", null, null, List.of())),
                List.of(activity("a1", ActivityStatus.IN_PROGRESS)), List.of(), null);

        assertThat(PlanChanges.between(before, after)).containsExactly(
                new PlanChange(PlanChange.Kind.ADDED, PlanChange.Item.GOAL, "g2", "Kursus"),
                new PlanChange(PlanChange.Kind.CHANGED, PlanChange.Item.ACTIVITY, "a1", "Virksomhedspraktik – Netto"),
                new PlanChange(PlanChange.Kind.REMOVED, PlanChange.Item.ACTIVITY, "a2", "Virksomhedspraktik – Netto"));
    }

    @Test
    void a_meeting_called_off_is_cancelled_and_one_at_another_time_is_moved() {
        Plan before = plan(List.of(), List.of(), List.of(meeting("m1", TEN, false), meeting("m2", TEN, false)), null);
        Plan after = plan(List.of(), List.of(), List.of(meeting("m1", TEN, true),
                meeting("m2", TEN.plusSeconds(86400), false)), null);

        assertThat(PlanChanges.between(before, after)).extracting(PlanChange::kind)
                .containsExactly(PlanChange.Kind.CANCELLED, PlanChange.Kind.MOVED);
    }

    @Test
    void the_summary_speaks_the_citizens_language_and_shows_meeting_times_in_copenhagen() {
        Plan after = plan(List.of(), List.of(), List.of(meeting("m1", TEN, true)), null);
        var changes = List.of(new PlanChange(PlanChange.Kind.CANCELLED, PlanChange.Item.MEETING, "m1", "Opfølgning"));

        assertThat(PlanChanges.summary(changes, false, after, Language.DA)).isEqualTo("Aflyst møde: Opfølgning (24. nov. kl. 10:00)");
        assertThat(PlanChanges.summary(changes, false, after, Language.EN)).isEqualTo("Cancelled meeting: Opfølgning (24 Nov at 10:00)");
    }

    @Test
    void a_new_contact_person_is_a_change() {
        Plan before = plan(List.of(), List.of(), List.of(), new ContactPerson("A", null, null, null));
        Plan after = plan(List.of(), List.of(), List.of(), new ContactPerson("B", null, null, null));

        assertThat(PlanChanges.between(before, after))
                .containsExactly(new PlanChange(PlanChange.Kind.CHANGED, PlanChange.Item.CONTACT, null, "B"));
    }

    @Test
    void markers_show_what_is_new_or_changed_since_the_seen_version() {
        Plan seen = plan(List.of(), List.of(activity("a1", ActivityStatus.PLANNED), activity("a2",
                ActivityStatus.PLANNED)), List.of(), null);
        Plan current = plan(List.of(), List.of(activity("a1", ActivityStatus.IN_PROGRESS),
                activity("a3", ActivityStatus.PLANNED)), List.of(), null);

        PlanMarkers markers = PlanMarkers.between(seen, current);

        assertThat(markers.of("a1")).isEqualTo(PlanMarkers.Marker.CHANGED);
        assertThat(markers.of("a3")).isEqualTo(PlanMarkers.Marker.NEW);
        assertThat(markers.removed()).extracting(PlanChange::itemId).containsExactly("a2");
    }

    @Test
    void the_same_weekly_hours_written_differently_are_no_change() {
        Activity a = new Activity("a", ActivityType.MENTOR, ActivityStatus.PLANNED,
                new Activity.Period(LocalDate.of(2026, 1, 1), null), null, new java.math.BigDecimal("7.50"), null, null);
        Activity b = new Activity("a", ActivityType.MENTOR, ActivityStatus.PLANNED,
                new Activity.Period(LocalDate.of(2026, 1, 1), null), null, new java.math.BigDecimal("7.5"), null, null);

        assertThat(a).isEqualTo(b);
    }
}
