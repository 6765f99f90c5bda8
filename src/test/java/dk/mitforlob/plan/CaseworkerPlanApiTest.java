package dk.mitforlob.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The caseworker reads and publishes plans of their own municipality's citizens. */
class CaseworkerPlanApiTest {

    private final TestService service = TestService.get();

    private String planPath(TestCitizen citizen) {
        return "/api/v1/municipalities/" + citizen.municipality() + "/citizens/" + citizen.citizenId() + "/plan";
    }

    @Test
    void a_caseworker_reads_the_plan_with_its_version_as_etag() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        var response = service.api().get(planPath(citizen)).bearer(service.issuers().caseworker("851")).send()
                .expect(200);

        assertThat(response.etag()).isEqualTo("\"1\"");
        assertThat(response.json().path("goals")).hasSize(2);
        assertThat(response.json().path("goals").findValuesAsText("change")).isEmpty();
    }

    @Test
    void the_caseworker_sees_the_citizens_own_steps_and_comments() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        service.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Mit eget skridt")).send().expect(201);

        JsonNode plan = service.api().get(planPath(citizen)).bearer(service.issuers().caseworker("851")).send()
                .expect(200).json();

        assertThat(plan.path("goals").get(0).path("ownSteps").findValuesAsText("text")).containsExactly("Mit eget skridt");
    }

    @Test
    void every_read_by_a_caseworker_is_audit_logged() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        var response = service.api().get(planPath(citizen)).bearer(service.issuers().caseworker("851", "kirsten"))
                .send().expect(200);

        try (MongoStore store = service.openStore()) {
            Document entry = store.collection("audit_log").find(new Document("citizenId", citizen.citizenId())
                    .append("resource", "plan").append("action", "read")).first();
            assertThat(entry).isNotNull();
            assertThat(entry.get("actor", Document.class).getString("subject")).isEqualTo("kirsten");
            assertThat(entry.getString("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        }
    }

    @Test
    void publishing_needs_if_match() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .json(Fixtures.plan(citizen.citizenId())).invalid().send().expectProblem(428, "if-match-required");
    }

    @Test
    void publishing_with_the_current_version_creates_the_next() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> plan = Fixtures.plan(citizen.citizenId());
        plan.put("goals", List.of(Map.of("type", "work", "title", "Et nyt mål uden id")));
        plan.put("activities", List.of());

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(plan).send().expect(200);

        assertThat(response.etag()).isEqualTo("\"2\"");
        assertThat(response.json().path("goals").get(0).path("id").asText()).isNotBlank();
        assertThat(response.json().path("publishedBy").asText()).isEqualTo("caseworker");
    }

    @Test
    void publishing_over_a_newer_version_is_412_with_the_current_etag() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> newer = Fixtures.plan(citizen.citizenId());
        newer.put("contact", Map.of("name", "Ny kontakt"));
        Fixtures.publishPlan(service, citizen, newer);

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(Fixtures.plan(citizen.citizenId())).send()
                .expectProblem(412, "version-conflict");

        assertThat(response.header("ETag")).contains("\"2\"");
    }

    @Test
    void the_first_plan_is_published_with_if_match_0() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "101");

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("101"))
                .ifMatch("\"0\"").json(Fixtures.plan(citizen.citizenId())).send().expect(200);

        assertThat(response.etag()).isEqualTo("\"1\"");
    }

    @Test
    void an_invalid_plan_is_422_naming_every_field() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> bad = Fixtures.plan(citizen.citizenId());
        var meeting = Fixtures.meeting("m", java.time.ZonedDateTime.now().plusDays(2), "Møde");
        meeting.put("end", meeting.get("start"));
        meeting.put("videoLink", "http://insecure.example");
        bad.put("meetings", List.of(meeting));
        bad.put("activities", List.of(Map.of("type", "mentor", "status", "planned",
                "period", Map.of("from", "2026-05-01", "to", "2026-04-01"), "goalId", "nope")));
        bad.put("goals", List.of(Map.of("type", "work", "title", "x".repeat(201))));

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(bad).invalid().send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactlyInAnyOrder("goals[0].title", "activities[0].period.to",
                "activities[0].goalId", "meetings[0].end", "meetings[0].videoLink");
    }

    @Test
    void dates_and_hours_far_outside_reason_are_422_not_a_crash() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> bad = Fixtures.plan(citizen.citizenId());
        var meeting = Fixtures.meeting("m", java.time.ZonedDateTime.now().plusDays(2), "Møde");
        meeting.put("start", "9999-12-31T22:00:00Z");
        meeting.put("end", "9999-12-31T23:00:00Z");
        bad.put("meetings", List.of(meeting));
        bad.put("activities", List.of(Map.of("type", "mentor", "status", "planned",
                "period", Map.of("from", "2026-05-01"), "weeklyHours", 1e-300)));
        bad.put("goals", List.of(Map.of("type", "work", "title", "Mål", "targetDate", "9999-01-01")));

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(bad).invalid().send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).contains("meetings[0].start", "activities[0].weeklyHours",
                "goals[0].targetDate");
    }

    @Test
    void values_outside_the_documented_shape_are_400_naming_them() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> extendedYear = Fixtures.plan(citizen.citizenId());
        var meeting = Fixtures.meeting("m", java.time.ZonedDateTime.now().plusDays(2), "Møde");
        meeting.put("start", "+999999999-12-31T22:00:00Z");
        extendedYear.put("meetings", List.of(meeting));
        Map<String, Object> nullGoal = Fixtures.plan(citizen.citizenId());
        nullGoal.put("goals", java.util.Arrays.asList(null, Map.of("type", "work", "title", "Mål")));

        var year = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(extendedYear).invalid().send().expectProblem(400, "invalid-field-type");
        var nulled = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(nullGoal).invalid().send().expectProblem(400, "invalid-field-type");

        assertThat(year.problemFields()).containsExactly("meetings[0].start");
        assertThat(nulled.problemFields()).containsExactly("goals[0]");
    }

    @Test
    void publishing_the_same_plan_again_is_answered_200_also_with_the_old_version() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> next = Fixtures.plan(citizen.citizenId());
        next.put("contact", Map.of("name", "Ny kontakt"));
        service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851")).ifMatch("\"1\"").json(next)
                .send().expect(200);

        var retry = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851")).ifMatch("\"1\"")
                .json(next).send().expect(200);

        assertThat(retry.etag()).isEqualTo("\"2\"");
    }

    @Test
    void the_answer_to_a_publication_is_audited_as_a_read() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851", "birthe")).ifMatch("\"1\"")
                .json(Fixtures.plan(citizen.citizenId())).send().expect(200);

        try (MongoStore store = service.openStore()) {
            assertThat(store.collection("audit_log").countDocuments(new Document("citizenId", citizen.citizenId())
                    .append("action", "read").append("actor.subject", "birthe"))).isEqualTo(1);
        }
    }

    @Test
    void an_unknown_activity_type_is_422_naming_the_field() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> bad = Fixtures.plan(citizen.citizenId());
        bad.put("activities", List.of(Map.of("type", "vacation", "status", "planned",
                "period", Map.of("from", "2026-05-01"))));

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().caseworker("851"))
                .ifMatch("\"1\"").json(bad).invalid().send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("activities[0].type");
    }

    @Test
    void the_other_municipalitys_caseworker_gets_403_on_read_and_publish() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String other = service.issuers().caseworker("101");

        service.api().get(planPath(citizen)).bearer(other).send().expectProblem(403, "other-municipality");
        service.api().put(planPath(citizen)).bearer(other).ifMatch("\"1\"").json(Fixtures.plan(citizen.citizenId()))
                .send().expectProblem(403, "other-municipality");
    }

    @Test
    void a_citizen_of_another_municipality_is_not_found_through_ones_own() {
        TestCitizen elsewhere = Fixtures.citizenWithPlan(service, "101");

        service.api().get("/api/v1/municipalities/851/citizens/" + elsewhere.citizenId() + "/plan")
                .bearer(service.issuers().caseworker("851")).send().expectProblem(404, "citizen-not-found");
    }

    @Test
    void a_citizen_token_cannot_use_caseworker_routes() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().get(planPath(citizen)).bearer(citizen.token()).send().expectProblem(403, "role-required");
    }
}
