package dk.mitforlob.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.InputType;
import dk.mitforlob.plan.Contributions.Comment;
import dk.mitforlob.plan.Contributions.MeetingObjection;
import dk.mitforlob.plan.Contributions.OwnStep;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.ids.Ids;

/**
 * The rules of plans: publishing versions (caseworkers with the version they read, case systems
 * as the source of truth), and the citizen's own steps, comments and meeting objections, each of
 * which goes to the caseworker's inbox.
 */
public final class Plans {

    private static final int MAX_ATTEMPTS = 5;
    /** What a citizen adds is kept with the plan: bounded, so reading a plan costs the same in year three. */
    static final int MAX_STEPS_PER_GOAL = 50;
    static final int MAX_COMMENTS_PER_ITEM = 100;
    static final int MAX_OBJECTIONS_PER_MEETING = 20;

    private static final System.Logger LOG = System.getLogger(Plans.class.getName());

    private final PlanRepository repository;
    private final Clock clock;
    private final PublicationListener listener;

    public Plans(PlanRepository repository, Clock clock) {
        this(repository, clock, PublicationListener.NONE);
    }

    public Plans(PlanRepository repository, Clock clock, PublicationListener listener) {
        this.repository = repository;
        this.clock = clock;
        this.listener = listener;
    }

    public PlanRecord of(Citizen citizen) {
        return repository.find(citizen.id()).orElse(PlanRecord.none(citizen.id(), citizen.municipality()));
    }

    /** Every version, newest first. */
    public List<PlanVersion> history(Citizen citizen) {
        return repository.history(citizen.id(), Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Versions older than {@code beforeVersion}, newest first, at most {@code limit}: a page of the history. */
    public List<PlanVersion> history(Citizen citizen, long beforeVersion, int limit) {
        return repository.history(citizen.id(), beforeVersion, limit);
    }

    /** A publication's outcome: the plan as it now is, and whether this call changed it. */
    public record Published(PlanRecord record, boolean changed) {
    }

    /**
     * Publishes a new version of a citizen's plan.
     *
     * @param expectedVersion the version the caseworker read (412 if it is no longer current); empty for case systems
     * @param idsRequired     whether every item must come with its id
     */
    public Published publish(Citizen citizen, Plan input, OptionalLong expectedVersion, PlanVersion.Author author,
                             boolean idsRequired) {
        input.validate(idsRequired);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PlanRecord current = of(citizen);
            Plan next = input.withMissingIds(Ids::newId);
            // before the version check: a retry of a publication that already went through is answered alike
            if (current.current().isPresent() && next.equals(current.plan())) {
                return new Published(current, false);
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw Rejection.versionConflict("The plan", current.version());
            }
            PlanVersion version = new PlanVersion(current.version() + 1, next, clock.instant(), author,
                    PlanChanges.between(current.plan(), next));
            listener.publishing(citizen, version.version());
            if (repository.publish(citizen.id(), citizen.municipality(), current.version(), version)) {
                tellListener(citizen, version);
                return new Published(of(citizen), true);
            }
        }
        throw Rejection.conflict("concurrent-update", "The plan was being changed at the same moment; try again");
    }

    private void tellListener(Citizen citizen, PlanVersion version) {
        try {
            listener.published(citizen, version);
        } catch (RuntimeException e) {
            // the version is stored; the listener was told beforehand and catches up on its own
            LOG.log(System.Logger.Level.WARNING, "After publishing plan version " + version.version() + " of citizen "
                    + citizen.id() + " the listener failed; it catches up later", e);
        }
    }

    /** The citizen has seen {@code version}: from now on only later changes are marked. */
    public PlanRecord markSeen(Citizen citizen, long version) {
        PlanRecord record = of(citizen);
        if (version < 1 || version > record.version()) {
            throw Rejection.invalid("version", record.version() == 0
                    ? "there is no plan yet" : "must be between 1 and " + record.version());
        }
        if (version > record.seenVersion()) {
            Plan seen = version == record.version() ? record.plan()
                    : repository.version(citizen.id(), version).map(PlanVersion::plan).orElseThrow();
            repository.markSeen(citizen.id(), version, seen);
        }
        return of(citizen);
    }

    /** What the citizen sends to add a step of their own. */
    public record StepInput(String text, LocalDate targetDate) {
    }

    public OwnStep addStep(Citizen citizen, String goalId, StepInput input, String operationId) {
        PlanRecord record = of(citizen);
        // a retry of a request that already went through finds its step, whatever the plan now says
        Optional<OwnStep> earlier = record.step(operationId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Goal goal = record.plan().goal(goalId).orElseThrow(() -> notFound("goal-not-found", "goal", goalId));
        if (record.steps().stream().filter(s -> s.goalId().equals(goalId)).count() >= MAX_STEPS_PER_GOAL) {
            throw limitReached("A goal has at most " + MAX_STEPS_PER_GOAL + " own steps");
        }
        Validation.of().requiredText("text", input.text(), 500).date("targetDate", input.targetDate()).throwIfInvalid();
        Instant now = clock.instant();
        OwnStep step = new OwnStep(operationId, goalId, input.text().strip(), input.targetDate(), false, null, now);
        Map<String, Object> details = details("goalId", goalId, "goalTitle", goal.title(), "stepId", step.id(),
                "text", step.text(), "targetDate", step.targetDate());
        boolean added = repository.addStep(citizen.id(), step, input(citizen, "step-added-" + step.id(),
                InputType.PLAN_STEP_ADDED, now, "Nyt eget skridt mod målet »" + goal.title() + "«: »" + step.text() + "«",
                details));
        // only a concurrent copy of this request can have stored the step first; then show what it stored
        return added ? step : of(citizen).step(step.id()).orElse(step);
    }

    public OwnStep markStepDone(Citizen citizen, String goalId, String stepId) {
        PlanRecord record = of(citizen);
        OwnStep step = record.step(stepId).filter(s -> s.goalId().equals(goalId))
                .orElseThrow(() -> notFound("step-not-found", "step", stepId));
        if (step.done()) {
            return step;
        }
        Instant now = clock.instant();
        String goalTitle = record.plan().goal(goalId).map(Goal::title).orElse(goalId);
        boolean marked = repository.markStepDone(citizen.id(), stepId, now, input(citizen, "step-done-" + stepId,
                InputType.PLAN_STEP_DONE, now, "Eget skridt gennemført (mål »" + goalTitle + "«): »" + step.text() + "«",
                details("goalId", goalId, "goalTitle", goalTitle, "stepId", stepId, "text", step.text())));
        return marked ? step.markedDone(now) : of(citizen).step(stepId).orElse(step.markedDone(now));
    }

    /** What the citizen sends to comment. */
    public record CommentInput(String text) {
    }

    public Comment comment(Citizen citizen, Contributions.Target on, String targetId, CommentInput input,
                           String operationId) {
        PlanRecord record = of(citizen);
        Optional<Comment> earlier = record.comments().stream().filter(c -> c.id().equals(operationId)).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String title = switch (on) {
            case ACTIVITY -> record.plan().activity(targetId).map(PlanChanges::activityTitle)
                    .orElseThrow(() -> notFound("activity-not-found", "activity", targetId));
            case MEETING -> record.plan().meeting(targetId).map(Meeting::purpose)
                    .orElseThrow(() -> notFound("meeting-not-found", "meeting", targetId));
        };
        if (record.comments().stream().filter(c -> c.on() == on && c.targetId().equals(targetId)).count()
                >= MAX_COMMENTS_PER_ITEM) {
            throw limitReached("An activity or meeting has at most " + MAX_COMMENTS_PER_ITEM + " comments");
        }
        Validation.of().requiredText("text", input.text(), 2000).throwIfInvalid();
        Instant now = clock.instant();
        Comment comment = new Comment(operationId, on, targetId, input.text().strip(), now);
        boolean activity = on == Contributions.Target.ACTIVITY;
        repository.addComment(citizen.id(), comment, input(citizen, "comment-" + comment.id(),
                activity ? InputType.ACTIVITY_COMMENT : InputType.MEETING_COMMENT, now,
                "Kommentar til " + (activity ? "aktiviteten" : "mødet") + " »" + title + "«: »" + comment.text() + "«",
                details(activity ? "activityId" : "meetingId", targetId, "title", title, "commentId", comment.id(),
                        "text", comment.text())));
        return comment;
    }

    /** What the citizen sends when a meeting time does not suit them. */
    public record ObjectionInput(String reason, String suggestion) {
    }

    public MeetingObjection object(Citizen citizen, String meetingId, ObjectionInput input, String operationId) {
        PlanRecord record = of(citizen);
        Optional<MeetingObjection> earlier = record.objections().stream()
                .filter(o -> o.id().equals(operationId)).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Meeting meeting = record.plan().meeting(meetingId)
                .orElseThrow(() -> notFound("meeting-not-found", "meeting", meetingId));
        if (record.objections().stream().filter(o -> o.meetingId().equals(meetingId)).count()
                >= MAX_OBJECTIONS_PER_MEETING) {
            throw limitReached("A meeting has at most " + MAX_OBJECTIONS_PER_MEETING + " objections");
        }
        Validation.of().requiredText("reason", input.reason(), 1000).text("suggestion", input.suggestion(), 500)
                .throwIfInvalid();
        Instant now = clock.instant();
        if (meeting.cancelled()) {
            throw Rejection.unprocessable("meeting-cancelled", "This meeting is cancelled already");
        }
        if (!meeting.end().isAfter(now)) {
            throw Rejection.unprocessable("meeting-passed", "This meeting has already taken place");
        }
        MeetingObjection objection = new MeetingObjection(operationId, meetingId, input.reason().strip(),
                input.suggestion() == null ? null : input.suggestion().strip(), now);
        repository.addObjection(citizen.id(), objection, input(citizen, "objection-" + objection.id(),
                InputType.MEETING_OBJECTION, now,
                "Mødetidspunktet passer ikke (»" + meeting.purpose() + "«, " + PlanChanges.danishTime(meeting.start())
                        + "): »"
                        + objection.reason() + "«" + (objection.suggestion() == null ? ""
                        : " Forslag: »" + objection.suggestion() + "«"),
                details("meetingId", meetingId, "meetingStart", meeting.start(), "reason", objection.reason(),
                        "suggestion", objection.suggestion(), "objectionId", objection.id())));
        return objection;
    }

    private static InboxItem input(Citizen citizen, String id, InputType type, Instant at, String summary,
                                   Map<String, Object> details) {
        return InboxItem.of(id, citizen.municipality(), citizen.id(), type, at, summary, details);
    }

    /** Details without the empty ones, in the order given. */
    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }

    private static Rejection limitReached(String detail) {
        return Rejection.unprocessable("limit-reached", detail);
    }

    private static Rejection notFound(String code, String what, String id) {
        return Rejection.notFound(code, "Your plan has no " + what + " with id " + id);
    }
}
