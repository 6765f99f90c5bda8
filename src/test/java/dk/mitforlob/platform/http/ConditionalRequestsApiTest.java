package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestService;

/** If-None-Match on reads and If-Match on writes, as RFC 9110 says, through the shared Etags. */
class ConditionalRequestsApiTest {

    private final TestService service = TestService.get();

    @Test
    void if_none_match_naming_the_current_version_in_any_well_formed_way_is_304() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String etag = service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200).etag();

        for (String condition : List.of(etag, "W/" + etag, "\"99\", " + etag, "*")) {
            service.api().get("/api/v1/me").bearer(citizen.token()).header("If-None-Match", condition).send()
                    .expect(304);
        }
        for (String condition : List.of("\"99\"", "W/\"99\"", "\"abc\", \"98\"")) {
            service.api().get("/api/v1/me").bearer(citizen.token()).header("If-None-Match", condition).send()
                    .expect(200);
        }
    }

    @Test
    void only_an_if_none_match_that_does_not_parse_is_400() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        for (String broken : List.of("1", "\"1", "W/", "*, \"1\"")) {
            service.api().get("/api/v1/me").bearer(citizen.token()).header("If-None-Match", broken).send()
                    .expectProblem(400, "invalid-if-none-match");
        }
    }

    @Test
    void a_caseworker_publishing_with_if_match_star_or_a_list_naming_the_version_succeeds_and_anything_else_is_412() {
        Fixtures.TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String path = "/api/v1/municipalities/851/citizens/" + citizen.citizenId() + "/plan";
        Map<String, Object> plan = Fixtures.plan(citizen.citizenId());
        String caseworker = service.issuers().caseworker("851");

        for (String stale : List.of("W/\"1\"", "\"2\"", "\"abc\"", "\"0\", \"2\"")) {
            plan.put("contact", Map.of("name", "Kontakt " + stale.length()));
            var refused = service.api().put(path).bearer(caseworker).ifMatch(stale).json(plan).send()
                    .expectProblem(412, "version-conflict");
            assertThat(refused.etag()).isEqualTo("\"1\"");
        }
        plan.put("contact", Map.of("name", "Ny kontakt"));
        assertThat(service.api().put(path).bearer(caseworker).ifMatch("\"7\", \"1\"").json(plan).send().expect(200)
                .etag()).isEqualTo("\"2\"");
        plan.put("contact", Map.of("name", "Nyere kontakt"));
        assertThat(service.api().put(path).bearer(caseworker).ifMatch("*").json(plan).send().expect(200).etag())
                .isEqualTo("\"3\"");
    }

    @Test
    void a_case_system_honours_an_if_match_it_sends() {
        Fixtures.TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String path = "/api/v1/integration/municipalities/851/citizens/" + citizen.citizenId() + "/plan";
        Map<String, Object> plan = Fixtures.plan(citizen.citizenId());
        plan.put("contact", Map.of("name", "Ny kontakt"));

        service.api().put(path).bearer(service.issuers().integration("851")).ifMatch("W/\"1\"").json(plan).send()
                .expectProblem(412, "version-conflict");
        service.api().put(path).bearer(service.issuers().integration("851")).ifMatch("\"1\"").json(plan).send()
                .expect(200);
    }
}
