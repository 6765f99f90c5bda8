package dk.mitforlob.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;

import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.plan.Contributions.Comment;
import dk.mitforlob.plan.Contributions.MeetingObjection;
import dk.mitforlob.plan.Contributions.OwnStep;

/**
 * A plan as the API shows it: the published plan with the citizen's contributions placed at the
 * items they belong to, and — for the citizen — what is new or changed since they last looked.
 */
public record PlanView(String citizenId, long version, Instant publishedAt, String publishedBy, long seenVersion,
                       List<GoalView> goals, List<ActivityView> activities, List<MeetingView> meetings,
                       ContactPerson contact, Boolean contactChanged, List<PlanChange> removedSinceSeen) {

    public record GoalView(String id, GoalType type, String title, String description, LocalDate targetDate,
                           List<Goal.SubGoal> subGoals, PlanMarkers.Marker change, List<StepView> ownSteps) {
    }

    public record StepView(String id, String text, LocalDate targetDate, boolean done, Instant doneAt,
                           Instant createdAt) {
        static StepView of(OwnStep step) {
            return new StepView(step.id(), step.text(), step.targetDate(), step.done(), step.doneAt(), step.createdAt());
        }
    }

    public record ActivityView(String id, ActivityType type, ActivityStatus status, Activity.Period period,
                               String provider, BigDecimal weeklyHours, String description, String goalId,
                               PlanMarkers.Marker change, List<CommentView> comments) {
    }

    public record MeetingView(String id, Instant start, Instant end, String place, String videoLink, String withWhom,
                              String purpose, String preparation, boolean cancelled, PlanMarkers.Marker change,
                              List<CommentView> comments, List<ObjectionView> objections) {
    }

    public record CommentView(String id, String text, Instant createdAt) {
        static CommentView of(Comment comment) {
            return new CommentView(comment.id(), comment.text(), comment.createdAt());
        }
    }

    public record ObjectionView(String id, String reason, String suggestion, Instant createdAt) {
        static ObjectionView of(MeetingObjection objection) {
            return new ObjectionView(objection.id(), objection.reason(), objection.suggestion(),
                    objection.createdAt());
        }
    }

    /** The citizen's view: marked against the version they last saw. */
    public static PlanView forCitizen(PlanRecord record) {
        return of(record, PlanMarkers.between(record.seenPlan(), record.plan()), true);
    }

    /** The caseworker's view: no markers, but the version the citizen has seen. */
    public static PlanView forCaseworker(PlanRecord record) {
        return of(record, PlanMarkers.none(), false);
    }

    private static PlanView of(PlanRecord record, PlanMarkers markers, boolean marked) {
        Plan plan = record.plan();
        List<GoalView> goals = plan.goals().stream().map(g -> new GoalView(g.id(), g.type(), g.title(),
                g.description(), g.targetDate(), g.subGoals(), markers.of(g.id()),
                record.steps().stream().filter(s -> s.goalId().equals(g.id())).map(StepView::of).toList())).toList();
        List<ActivityView> activities = plan.activities().stream().map(a -> new ActivityView(a.id(), a.type(),
                a.status(), a.period(), a.provider(), a.weeklyHours(), a.description(), a.goalId(), markers.of(a.id()),
                comments(record, Contributions.Target.ACTIVITY, a.id()))).toList();
        List<MeetingView> meetings = plan.meetings().stream().map(m -> new MeetingView(m.id(), m.start(), m.end(),
                m.place(), m.videoLink(), m.withWhom(), m.purpose(), m.preparation(), m.cancelled(), markers.of(m.id()),
                comments(record, Contributions.Target.MEETING, m.id()),
                record.objections().stream().filter(o -> o.meetingId().equals(m.id())).map(ObjectionView::of)
                        .toList())).toList();
        var current = record.current();
        return new PlanView(record.citizenId(), record.version(), current.map(PlanVersion::publishedAt).orElse(null),
                current.map(v -> v.author().role()).orElse(null), record.seenVersion(), goals, activities, meetings,
                plan.contact(), marked ? markers.contactChanged() : null,
                marked ? markers.removed() : null);
    }

    private static List<CommentView> comments(PlanRecord record, Contributions.Target on, String targetId) {
        return record.comments().stream().filter(c -> c.on() == on && c.targetId().equals(targetId))
                .map(CommentView::of).toList();
    }
}
