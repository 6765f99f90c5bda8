package dk.mitforlob.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

class CaseloadApiTest {

    private final TestService service = TestService.get();

    @Test
    void the_caseload_shows_each_citizens_unread_input() {
        String caseworker = "caseworker-" + Ids.newId();
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851", caseworker);
        Fixtures.publishPlan(service, citizen, Fixtures.plan(citizen.citizenId()));
        service.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Et skridt")).send().expect(201);

        JsonNode caseload = service.api().get("/api/v1/municipalities/851/citizens?mine=true")
                .bearer(service.issuers().caseworker("851", caseworker)).send().expect(200).json();

        assertThat(caseload.path("items")).singleElement().satisfies(entry -> {
            assertThat(entry.path("citizenId").asText()).isEqualTo(citizen.citizenId());
            assertThat(entry.path("unreadCount").asLong()).isEqualTo(1);
            assertThat(entry.path("externalRef").asText()).isEqualTo(citizen.externalRef());
        });
    }

    @Test
    void mine_lists_only_the_caseworkers_own_citizens_and_pages_by_name() {
        String caseworker = "caseworker-" + Ids.newId();
        for (int i = 0; i < 3; i++) {
            Fixtures.enrollCitizen(service, "101", caseworker);
        }
        Fixtures.enrollCitizen(service, "101", "someone-else");
        String token = service.issuers().caseworker("101", caseworker);

        JsonNode first = service.api().get("/api/v1/municipalities/101/citizens?mine=true&limit=2").bearer(token)
                .send().expect(200).json();
        JsonNode second = service.api().get("/api/v1/municipalities/101/citizens?mine=true&limit=2&cursor="
                + first.path("nextCursor").asText()).bearer(token).send().expect(200).json();

        List<String> names = new ArrayList<>();
        first.path("items").forEach(entry -> names.add(entry.path("name").asText()));
        second.path("items").forEach(entry -> names.add(entry.path("name").asText()));
        assertThat(names).hasSize(3).isSorted();
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void a_cursor_from_another_list_is_400() {
        var response = service.api().get("/api/v1/municipalities/851/citizens?cursor=bm90LWEtY3Vyc29y")
                .bearer(service.issuers().caseworker("851")).send().expectProblem(400, "invalid-cursor");

        assertThat(response.problemFields()).containsExactly("cursor");
    }

    @Test
    void the_other_municipalitys_caseworker_gets_403() {
        service.api().get("/api/v1/municipalities/851/citizens").bearer(service.issuers().caseworker("101")).send()
                .expectProblem(403, "other-municipality");
    }

    @Test
    void an_unknown_municipality_is_404() {
        service.api().get("/api/v1/municipalities/998/citizens").bearer(service.issuers().caseworker("998")).send()
                .expectProblem(404, "unknown-municipality");
    }
}
