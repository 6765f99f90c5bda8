package dk.mitforlob.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** A case system enrolls a citizen and publishes the plan it holds. */
class IntegrationPlanApiTest {

    private final TestService service = TestService.get();

    private String planPath(TestCitizen citizen) {
        return "/api/v1/integration/municipalities/" + citizen.municipality() + "/citizens/" + citizen.citizenId()
                + "/plan";
    }

    @Test
    void a_case_system_publishes_a_plan_the_citizen_then_sees() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().integration("851"))
                .json(Fixtures.plan("p1")).send().expect(200).json();

        assertThat(response.path("version").asLong()).isEqualTo(1);
        assertThat(response.path("changed").asBoolean()).isTrue();
        var mine = service.api().get("/api/v1/me/plan").bearer(citizen.token()).send().expect(200).json();
        assertThat(mine.path("goals")).extracting(goal -> goal.path("id").asText())
                .containsExactly("p1-goal-work", "p1-goal-edu");
    }

    @Test
    void sending_the_same_plan_again_changes_nothing() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> plan = Fixtures.plan("same");
        service.api().put(planPath(citizen)).bearer(service.issuers().integration("851")).json(plan).send().expect(200);

        var again = service.api().put(planPath(citizen)).bearer(service.issuers().integration("851")).json(plan).send()
                .expect(200).json();

        assertThat(again.path("version").asLong()).isEqualTo(1);
        assertThat(again.path("changed").asBoolean()).isFalse();
        var history = service.api().get("/api/v1/me/plan/history").bearer(citizen.token()).send().expect(200).json();
        assertThat(history.path("items")).hasSize(1);
    }

    @Test
    void a_case_system_must_give_every_item_its_id() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> plan = Fixtures.plan("x");
        plan.put("goals", List.of(Map.of("type", "work", "title", "No id")));
        plan.put("activities", List.of());

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().integration("851")).json(plan)
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("goals[0].id");
    }

    @Test
    void ids_must_be_unique_within_the_plan() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> plan = Fixtures.plan("dup");
        plan.put("goals", List.of(Map.of("id", "g", "type", "work", "title", "A"),
                Map.of("id", "g", "type", "work", "title", "B")));
        plan.put("activities", List.of());

        var response = service.api().put(planPath(citizen)).bearer(service.issuers().integration("851")).json(plan)
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("goals[1].id");
    }

    @Test
    void another_municipalitys_case_system_gets_403() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().put(planPath(citizen)).bearer(service.issuers().integration("101")).json(Fixtures.plan("o"))
                .send().expectProblem(403, "other-municipality");
    }

    @Test
    void an_unknown_citizen_is_404() {
        service.api().put("/api/v1/integration/municipalities/851/citizens/unknown-citizen/plan")
                .bearer(service.issuers().integration("851")).json(Fixtures.plan("u")).send()
                .expectProblem(404, "citizen-not-found");
    }
}
