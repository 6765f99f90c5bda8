package dk.mitforlob.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.platform.errors.Validation;

/**
 * The citizen's plan as the caseworker or case system writes it: goals, activities, meetings and
 * the contact person. Every item has an id that stays the same from version to version, so the app
 * can tell what changed.
 */
public record Plan(List<Goal> goals, List<Activity> activities, List<Meeting> meetings, ContactPerson contact) {

    static final int MAX_GOALS = 20;
    static final int MAX_ACTIVITIES = 50;
    static final int MAX_MEETINGS = 100;
    private static final Pattern ID = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}");

    public Plan {
        goals = copy(goals);
        activities = copy(activities);
        meetings = copy(meetings);
    }

    public static Plan empty() {
        return new Plan(List.of(), List.of(), List.of(), null);
    }

    public Optional<Goal> goal(String id) {
        return goals.stream().filter(g -> id.equals(g.id())).findFirst();
    }

    public Optional<Activity> activity(String id) {
        return activities.stream().filter(a -> id.equals(a.id())).findFirst();
    }

    public Optional<Meeting> meeting(String id) {
        return meetings.stream().filter(m -> id.equals(m.id())).findFirst();
    }

    /**
     * Checks the plan; 422 naming every offending field.
     *
     * @param idsRequired case systems must give every item its id; caseworkers may leave new items without
     */
    public void validate(boolean idsRequired) {
        Validation v = Validation.of();
        v.maxItems("goals", goals, MAX_GOALS).maxItems("activities", activities, MAX_ACTIVITIES)
                .maxItems("meetings", meetings, MAX_MEETINGS);
        Set<String> ids = new HashSet<>();
        v.each("goals", goals, (g, goal) -> {
            checkId(g, goal.id(), ids, idsRequired);
            goal.validate(g);
            g.each("subGoals", goal.subGoals(), (s, sub) -> {
                checkId(s, sub.id(), ids, idsRequired);
                s.requiredText("title", sub.title(), 200).date("targetDate", sub.targetDate());
            });
        });
        Set<String> goalIds = new HashSet<>();
        goals.stream().filter(Objects::nonNull).map(Goal::id).filter(Objects::nonNull).forEach(goalIds::add);
        v.each("activities", activities, (a, activity) -> {
            checkId(a, activity.id(), ids, idsRequired);
            activity.validate(a);
            if (activity.goalId() != null && !goalIds.contains(activity.goalId())) {
                a.error("goalId", "must be the id of a goal in this plan");
            }
        });
        v.each("meetings", meetings, (m, meeting) -> {
            checkId(m, meeting.id(), ids, idsRequired);
            meeting.validate(m);
        });
        if (contact != null) {
            v.at("contact", c -> ContactPerson.validate(c, contact));
        }
        v.throwIfInvalid();
    }

    private static void checkId(Validation v, String id, Set<String> seen, boolean required) {
        if (id == null) {
            if (required) {
                v.error("id", "is required");
            }
            return;
        }
        if (!ID.matcher(id).matches()) {
            v.error("id", "must be 1-64 letters, digits, '.', '_' or '-'");
        } else if (!seen.add(id)) {
            v.error("id", "is used by another item of the plan");
        }
    }

    /** The plan with an id for every item that came without one. */
    public Plan withMissingIds(Supplier<String> newId) {
        List<Goal> withIds = goals.stream().map(goal -> {
            Goal g = goal.id() == null ? goal.withId(newId.get()) : goal;
            return g.withSubGoals(g.subGoals().stream()
                    .map(s -> s.id() == null ? new Goal.SubGoal(newId.get(), s.title(), s.targetDate()) : s)
                    .toList());
        }).toList();
        return new Plan(withIds,
                activities.stream().map(a -> a.id() == null ? a.withId(newId.get()) : a).toList(),
                meetings.stream().map(m -> m.id() == null ? m.withId(newId.get()) : m).toList(),
                contact);
    }

    private static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
