package dk.mitforlob.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.json.Json;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/** {@code /api/v1/me/plan...}: the citizen's plan, what changed, and what they add to it. */
public final class MyPlanService implements HttpService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Citizens citizens;
    private final Plans plans;
    private final IdempotentRequests idempotent;

    public MyPlanService(Citizens citizens, Plans plans, IdempotentRequests idempotent) {
        this.citizens = citizens;
        this.plans = plans;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/plan", this::plan)
                .post("/me/plan/seen", this::seen)
                .get("/me/plan/history", this::history)
                .post("/me/plan/goals/{goalId}/steps", this::addStep)
                .post("/me/plan/goals/{goalId}/steps/{stepId}/done", this::stepDone)
                .post("/me/plan/activities/{activityId}/comments", this::commentOnActivity)
                .post("/me/plan/meetings/{meetingId}/comments", this::commentOnMeeting)
                .post("/me/plan/meetings/{meetingId}/objections", this::objectToMeeting);
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void plan(ServerRequest req, ServerResponse res) {
        byte[] body = Json.write(PlanView.forCitizen(plans.of(citizen(req))));
        if (!Etags.answeredNotModified(req, res, Etags.ofContent(body))) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(body);
        }
    }

    /** What the citizen sends to say they have seen a version. */
    record Seen(Long version) {
    }

    private void seen(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        Seen seen = Exchange.readJson(req, Seen.class);
        if (seen.version() == null) {
            throw Rejection.invalid("version", "is required");
        }
        Exchange.ok(res, PlanView.forCitizen(plans.markSeen(citizen, seen.version())));
    }

    /** One version in the citizen's history. */
    record HistoryEntry(long version, Instant publishedAt, String publishedBy, String summary,
                        List<PlanChange> changes) {
    }

    private void history(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        OptionalInt limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT);
        Optional<Long> before = Exchange.query(req, "cursor")
                .map(cursor -> parseVersion(PageCursor.decode(cursor, "plan-history", 1).value(0)));
        List<PlanVersion> versions = plans.history(citizen, before.orElse(Long.MAX_VALUE),
                limit.orElse(DEFAULT_LIMIT) + 1);
        Page<PlanVersion> page = Page.fromFetched(versions, limit.orElse(DEFAULT_LIMIT),
                v -> PageCursor.of("plan-history", Long.toString(v.version())));
        Exchange.ok(res, page.map(v -> new HistoryEntry(v.version(), v.publishedAt(), v.author().role(),
                PlanChanges.summary(v.changes(), v.version() == 1, v.plan(), citizen.language()), v.changes())));
    }

    private static long parseVersion(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Exchange.invalidQuery("cursor", "was not issued for this list");
        }
    }

    private void addStep(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String goalId = Exchange.pathParam(req, "goalId");
        idempotent.create(req, res, citizen.id() + ":plan-step", Plans.StepInput.class,
                (input, operationId) -> IdempotentRequests.json(Status.CREATED_201,
                        PlanView.StepView.of(plans.addStep(citizen, goalId, input, operationId)), Map.of()));
    }

    private void stepDone(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        Exchange.ok(res, PlanView.StepView.of(plans.markStepDone(citizen, Exchange.pathParam(req, "goalId"),
                Exchange.pathParam(req, "stepId"))));
    }

    private void commentOnActivity(ServerRequest req, ServerResponse res) {
        comment(req, res, Contributions.Target.ACTIVITY, Exchange.pathParam(req, "activityId"));
    }

    private void commentOnMeeting(ServerRequest req, ServerResponse res) {
        comment(req, res, Contributions.Target.MEETING, Exchange.pathParam(req, "meetingId"));
    }

    private void comment(ServerRequest req, ServerResponse res, Contributions.Target on, String targetId) {
        Citizen citizen = citizen(req);
        idempotent.create(req, res, citizen.id() + ":plan-comment", Plans.CommentInput.class,
                (input, operationId) -> IdempotentRequests.json(Status.CREATED_201,
                        PlanView.CommentView.of(plans.comment(citizen, on, targetId, input, operationId)), Map.of()));
    }

    private void objectToMeeting(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String meetingId = Exchange.pathParam(req, "meetingId");
        idempotent.create(req, res, citizen.id() + ":meeting-objection", Plans.ObjectionInput.class,
                (input, operationId) -> IdempotentRequests.json(Status.CREATED_201,
                        PlanView.ObjectionView.of(plans.object(citizen, meetingId, input, operationId)), Map.of()));
    }
}
