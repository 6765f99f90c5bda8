package dk.mitforlob.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dk.mitforlob.platform.errors.Validation;

/** A work or education goal of the plan, with sub-goals on the way there. */
public record Goal(String id, GoalType type, String title, String description, LocalDate targetDate,
                   List<SubGoal> subGoals) {

    static final int MAX_SUB_GOALS = 20;

    public Goal {
        subGoals = subGoals == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(subGoals));
    }

    /** A step on the way to a goal, set by the caseworker. */
    public record SubGoal(String id, String title, LocalDate targetDate) {
    }

    Goal withId(String newId) {
        return new Goal(newId, type, title, description, targetDate, subGoals);
    }

    Goal withSubGoals(List<SubGoal> newSubGoals) {
        return new Goal(id, type, title, description, targetDate, newSubGoals);
    }

    void validate(Validation v) {
        v.required("type", type);
        v.requiredText("title", title, 200).text("description", description, 2000).date("targetDate", targetDate);
        v.maxItems("subGoals", subGoals, MAX_SUB_GOALS);
    }
}
