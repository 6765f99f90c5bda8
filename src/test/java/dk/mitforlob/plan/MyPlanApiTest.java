package dk.mitforlob.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen's side of the plan: seeing it, what changed, and adding to it. */
class MyPlanApiTest {

    private final TestService service = TestService.get();

    private JsonNode myPlan(TestCitizen citizen) {
        return service.api().get("/api/v1/me/plan").bearer(citizen.token()).send().expect(200).json();
    }

    private String goal(TestCitizen c) {
        return c.citizenId() + "-goal-work";
    }

    @Test
    void before_any_plan_is_published_the_plan_is_empty_at_version_0() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        JsonNode plan = myPlan(citizen);

        assertThat(plan.path("version").asLong()).isZero();
        assertThat(plan.path("goals")).isEmpty();
        assertThat(plan.path("meetings")).isEmpty();
    }

    @Test
    void a_citizen_sees_goals_activities_meetings_and_contact() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        JsonNode plan = myPlan(citizen);

        assertThat(plan.path("version").asLong()).isEqualTo(1);
        assertThat(plan.path("goals")).hasSize(2);
        assertThat(plan.path("goals").get(0).path("subGoals")).hasSize(1);
        assertThat(plan.path("activities")).hasSize(3);
        assertThat(plan.path("activities").get(0).path("weeklyHours").asText()).isEqualTo("10");
        assertThat(plan.path("meetings")).hasSize(2);
        assertThat(plan.path("contact").path("name").asText()).isEqualTo("Case Worker");
    }

    @Test
    void everything_is_new_until_the_citizen_has_seen_a_version() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        JsonNode plan = myPlan(citizen);

        assertThat(plan.path("seenVersion").asLong()).isZero();
        assertThat(plan.path("goals")).hasSize(2).allSatisfy(g -> assertThat(g.path("change").asText()).isEqualTo("new"));
        assertThat(plan.path("meetings")).hasSize(2)
                .allSatisfy(m -> assertThat(m.path("change").asText()).isEqualTo("new"));
    }

    @Test
    void after_seeing_a_version_only_later_changes_are_marked() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        service.api().post("/api/v1/me/plan/seen").bearer(citizen.token()).json(Map.of("version", 1)).send()
                .expect(200);
        Map<String, Object> next = Fixtures.plan(citizen.citizenId());
        @SuppressWarnings("unchecked")
        var activities = new java.util.ArrayList<>((List<Map<String, Object>>) next.get("activities"));
        var placement = new java.util.LinkedHashMap<>(activities.get(0));
        placement.put("status", "completed");
        activities.set(0, placement);
        activities.remove(2);
        next.put("activities", activities);
        Fixtures.publishPlan(service, citizen, next);

        JsonNode plan = myPlan(citizen);

        assertThat(plan.path("seenVersion").asLong()).isEqualTo(1);
        assertThat(plan.path("goals").findValuesAsText("change")).isEmpty();
        assertThat(plan.path("activities").get(0).path("change").asText()).isEqualTo("changed");
        assertThat(plan.path("activities").get(1).has("change")).isFalse();
        assertThat(plan.path("removedSinceSeen").findValuesAsText("itemId"))
                .containsExactly(citizen.citizenId() + "-act-job");
    }

    @Test
    void the_plan_is_cheap_to_poll_with_its_etag_and_the_etag_changes_with_the_citizens_own_input() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String etag = service.api().get("/api/v1/me/plan").bearer(citizen.token()).send().expect(200).etag();
        service.api().get("/api/v1/me/plan").bearer(citizen.token()).header("If-None-Match", etag).send().expect(304);

        addStep(citizen, "Ring til Netto", UUID.randomUUID().toString()).expect(201);

        service.api().get("/api/v1/me/plan").bearer(citizen.token()).header("If-None-Match", etag).send().expect(200);
    }

    @Test
    void seeing_a_version_that_does_not_exist_is_422() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        var response = service.api().post("/api/v1/me/plan/seen").bearer(citizen.token()).json(Map.of("version", 7))
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("version");
    }

    @Test
    void the_history_lists_every_version_newest_first_with_a_readable_summary() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Fixtures.publishPlan(service, citizen, Fixtures.planWithFirstMeetingCancelled(citizen.citizenId()));

        JsonNode history = service.api().get("/api/v1/me/plan/history").bearer(citizen.token()).send().expect(200).json();

        assertThat(history.path("items").findValuesAsText("version")).containsExactly("2", "1");
        assertThat(history.path("items").get(0).path("summary").asText()).startsWith("Aflyst møde: Opfølgning");
        assertThat(history.path("items").get(1).path("summary").asText()).isEqualTo("Din plan er klar");
    }

    @Test
    void the_history_pages_with_a_cursor() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> next = Fixtures.plan(citizen.citizenId());
        next.put("contact", Map.of("name", "Someone Else"));
        Fixtures.publishPlan(service, citizen, next);

        JsonNode first = service.api().get("/api/v1/me/plan/history?limit=1").bearer(citizen.token()).send()
                .expect(200).json();
        JsonNode second = service.api().get("/api/v1/me/plan/history?limit=1&cursor="
                + first.path("nextCursor").asText()).bearer(citizen.token()).send().expect(200).json();

        assertThat(first.path("items").findValuesAsText("version")).containsExactly("2");
        assertThat(second.path("items").findValuesAsText("version")).containsExactly("1");
        assertThat(second.has("nextCursor")).isFalse();
    }

    private dk.mitforlob.testing.ApiResponse addStep(TestCitizen citizen, String text, String key) {
        return service.api().post("/api/v1/me/plan/goals/" + goal(citizen) + "/steps").bearer(citizen.token())
                .idempotencyKey(key).json(Map.of("text", text, "targetDate", "2027-01-15")).send();
    }

    @Test
    void an_own_step_is_shown_under_its_goal() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        JsonNode step = addStep(citizen, "Søg 2 jobs om ugen", UUID.randomUUID().toString()).expect(201).json();

        assertThat(step.path("done").asBoolean()).isFalse();
        JsonNode goal = myPlan(citizen).path("goals").get(0);
        assertThat(goal.path("ownSteps").findValuesAsText("text")).containsExactly("Søg 2 jobs om ugen");
    }

    @Test
    void a_retried_step_with_the_same_key_is_added_once_and_answered_alike() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String key = UUID.randomUUID().toString();

        var first = addStep(citizen, "Søg 2 jobs om ugen", key).expect(201);
        var retry = addStep(citizen, "Søg 2 jobs om ugen", key).expect(201);

        assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(myPlan(citizen).path("goals").get(0).path("ownSteps")).hasSize(1);
    }

    @Test
    void the_same_key_with_another_step_is_422() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String key = UUID.randomUUID().toString();
        addStep(citizen, "Søg 2 jobs om ugen", key).expect(201);

        addStep(citizen, "Noget helt andet", key).expectProblem(422, "idempotency-key-reused");
    }

    @Test
    void a_step_on_an_unknown_goal_is_404() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().post("/api/v1/me/plan/goals/no-such-goal/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "x")).send().expectProblem(404, "goal-not-found");
    }

    @Test
    void a_step_without_text_or_with_too_long_text_is_422_naming_text() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        var tooLong = service.api().post("/api/v1/me/plan/goals/" + goal(citizen) + "/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "x".repeat(501))).invalid().send().expectProblem(422, "validation-failed");
        var missing = service.api().post("/api/v1/me/plan/goals/" + goal(citizen) + "/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("targetDate", "2027-01-01")).invalid().send().expectProblem(422, "validation-failed");

        assertThat(tooLong.problemFields()).containsExactly("text");
        assertThat(missing.problemFields()).containsExactly("text");
    }

    @Test
    void a_step_is_marked_done_once() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String stepId = addStep(citizen, "Opdater CV", UUID.randomUUID().toString()).expect(201).json()
                .path("id").asText();
        String done = "/api/v1/me/plan/goals/" + goal(citizen) + "/steps/" + stepId + "/done";

        JsonNode first = service.api().post(done).bearer(citizen.token()).send().expect(200).json();
        JsonNode again = service.api().post(done).bearer(citizen.token()).send().expect(200).json();

        assertThat(first.path("done").asBoolean()).isTrue();
        assertThat(again.path("doneAt")).isEqualTo(first.path("doneAt"));
    }

    @Test
    void marking_an_unknown_step_done_is_404() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().post("/api/v1/me/plan/goals/" + goal(citizen) + "/steps/nope/done").bearer(citizen.token())
                .send().expectProblem(404, "step-not-found");
    }

    @Test
    void comments_on_an_activity_and_a_meeting_are_shown_at_them() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String prefix = citizen.citizenId();

        service.api().post("/api/v1/me/plan/activities/" + prefix + "-act-placement/comments").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Jeg vil gerne have flere timer")).send().expect(201);
        service.api().post("/api/v1/me/plan/meetings/" + prefix + "-meet-1/comments").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Kan jeg tage min mentor med?")).send().expect(201);

        JsonNode plan = myPlan(citizen);
        assertThat(plan.path("activities").get(0).path("comments").findValuesAsText("text"))
                .containsExactly("Jeg vil gerne have flere timer");
        assertThat(plan.path("meetings").get(0).path("comments").findValuesAsText("text"))
                .containsExactly("Kan jeg tage min mentor med?");
    }

    @Test
    void a_comment_on_an_unknown_activity_is_404() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().post("/api/v1/me/plan/activities/nope/comments").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "x")).send().expectProblem(404, "activity-not-found");
    }

    @Test
    void a_citizen_can_say_a_meeting_time_does_not_suit_them() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().post("/api/v1/me/plan/meetings/" + citizen.citizenId() + "-meet-1/objections")
                .bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("reason", "Jeg skal til lægen", "suggestion", "Eftermiddag"))
                .send().expect(201);

        JsonNode meeting = myPlan(citizen).path("meetings").get(0);
        assertThat(meeting.path("objections").findValuesAsText("reason")).containsExactly("Jeg skal til lægen");
        assertThat(meeting.path("start").asText()).isNotBlank();
    }

    @Test
    void objecting_to_a_cancelled_meeting_is_422_meeting_cancelled() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Fixtures.publishPlan(service, citizen, Fixtures.planWithFirstMeetingCancelled(citizen.citizenId()));

        service.api().post("/api/v1/me/plan/meetings/" + citizen.citizenId() + "-meet-1/objections")
                .bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("reason", "x")).send()
                .expectProblem(422, "meeting-cancelled");
    }

    @Test
    void another_citizen_cannot_reach_this_plans_items() {
        TestCitizen owner = Fixtures.citizenWithPlan(service, "851");
        TestCitizen other = Fixtures.citizenWithPlan(service, "851");

        service.api().post("/api/v1/me/plan/goals/" + goal(owner) + "/steps").bearer(other.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "x")).send().expectProblem(404, "goal-not-found");
        service.api().post("/api/v1/me/plan/activities/" + owner.citizenId() + "-act-placement/comments")
                .bearer(other.token()).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "x")).send().expectProblem(404, "activity-not-found");
        service.api().post("/api/v1/me/plan/meetings/" + owner.citizenId() + "-meet-1/objections")
                .bearer(other.token()).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("reason", "x")).send().expectProblem(404, "meeting-not-found");
        assertThat(myPlan(other).path("goals").findValuesAsText("id")).doesNotContain(goal(owner));
    }

    @Test
    void caseworkers_and_case_systems_have_no_me_plan() {
        service.api().get("/api/v1/me/plan").bearer(service.issuers().caseworker("851")).send()
                .expectProblem(403, "role-required");
        service.api().get("/api/v1/me/plan").bearer(service.issuers().integration("851")).send()
                .expectProblem(403, "role-required");
    }
}
