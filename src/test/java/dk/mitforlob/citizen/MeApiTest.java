package dk.mitforlob.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestService;

class MeApiTest {

    private final TestService service = TestService.get();

    @Test
    void an_enrolled_citizen_sees_their_own_profile() {
        var anna = Fixtures.enrollCitizen(service, "851");

        var profile = service.api().get("/api/v1/me").bearer(anna.token()).send().expect(200).json();

        assertThat(profile.path("citizenId").asText()).isEqualTo(anna.citizenId());
        assertThat(profile.path("municipality").path("code").asText()).isEqualTo("851");
        assertThat(profile.path("municipality").path("name").asText()).isEqualTo("Aalborg");
        assertThat(profile.path("programme").asText()).isEqualTo("resource-programme");
        assertThat(profile.path("contactPerson").path("name").asText()).isEqualTo("Case Worker");
        assertThat(profile.path("preferredLanguage").asText()).isEqualTo("da");
    }

    @Test
    void the_profile_never_contains_the_cpr_number() {
        var citizen = Fixtures.enrollCitizen(service, "101");

        String body = service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200).bodyText();

        assertThat(body).doesNotContain(citizen.cpr()).doesNotContain(citizen.cpr().replace("-", ""));
    }

    @Test
    void a_repeated_read_with_the_current_etag_is_answered_304() {
        var citizen = Fixtures.enrollCitizen(service, "851");
        String etag = service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200).etag();

        var again = service.api().get("/api/v1/me").bearer(citizen.token()).header("If-None-Match", etag).send();

        again.expect(304);
        assertThat(again.bodyText()).isEmpty();
    }

    @Test
    void a_valid_citizen_token_for_someone_not_enrolled_gets_404_citizen_not_enrolled() {
        String stranger = service.issuers().citizen(Fixtures.newCpr());

        service.api().get("/api/v1/me").bearer(stranger).send().expectProblem(404, "citizen-not-enrolled");
    }

    @Test
    void a_caseworker_has_no_me() {
        service.api().get("/api/v1/me").bearer(service.issuers().caseworker("851")).send()
                .expectProblem(403, "role-required");
    }

    @Test
    void without_a_token_the_answer_is_401_problem() {
        var response = service.api().get("/api/v1/me").send().expectProblem(401, "authentication-required");

        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        assertThat(response.header("Content-Type")).contains("application/problem+json");
    }
}
