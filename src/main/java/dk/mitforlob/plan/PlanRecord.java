package dk.mitforlob.plan;

import java.util.List;
import java.util.Optional;

import dk.mitforlob.plan.Contributions.Comment;
import dk.mitforlob.plan.Contributions.MeetingObjection;
import dk.mitforlob.plan.Contributions.OwnStep;

/**
 * Everything about one citizen's plan except its history: the current version (none before the
 * first is published), the version the citizen last said they had seen (and that version's plan, to
 * mark what changed since), and their contributions.
 */
public record PlanRecord(String citizenId, String municipality, Optional<PlanVersion> current, long seenVersion,
                         Plan seenPlan, List<OwnStep> steps, List<Comment> comments, List<MeetingObjection> objections) {

    public PlanRecord {
        steps = List.copyOf(steps);
        comments = List.copyOf(comments);
        objections = List.copyOf(objections);
    }

    public static PlanRecord none(String citizenId, String municipality) {
        return new PlanRecord(citizenId, municipality, Optional.empty(), 0, Plan.empty(), List.of(), List.of(),
                List.of());
    }

    public long version() {
        return current.map(PlanVersion::version).orElse(0L);
    }

    public Plan plan() {
        return current.map(PlanVersion::plan).orElse(Plan.empty());
    }

    public Optional<OwnStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
