package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** Who may reach which wishes route: each citizen only their own, each role only its own routes. */
class WishesAccessApiTest {

    /** The last ended month's table, on the shared service's real clock. */
    private static final String TABLE = "/api/v1/evaluation/wishes?month="
            + java.time.YearMonth.now(java.time.ZoneId.of("Europe/Copenhagen")).minusMonths(1);

    private final TestService service = TestService.get();

    @Test
    void a_citizen_only_ever_sees_and_writes_their_own_wishes() {
        TestCitizen anna = Fixtures.enrollCitizen(service, "851");
        TestCitizen bo = Fixtures.enrollCitizen(service, "851");
        service.api().put("/api/v1/me/wishes").bearer(anna.token()).ifMatch("\"0\"").json(MyWishesApiTest.document())
                .send().expect(200);

        JsonNode bosWishes = service.api().get("/api/v1/me/wishes").bearer(bo.token()).send().expect(200).json();
        JsonNode bosHistory = service.api().get("/api/v1/me/wishes/history").bearer(bo.token()).send().expect(200)
                .json();
        service.api().put("/api/v1/me/wishes").bearer(bo.token()).ifMatch("\"1\"").json(MyWishesApiTest.document())
                .send().expectProblem(412, "version-conflict");

        assertThat(bosWishes.path("version").asLong()).isZero();
        assertThat(bosHistory.path("items")).isEmpty();
        assertThat(service.api().get("/api/v1/me/wishes").bearer(anna.token()).send().expect(200).json()
                .path("wishes")).hasSize(2);
    }

    @Test
    void someone_signed_in_but_not_enrolled_has_no_wishes() {
        String stranger = service.issuers().citizen(Fixtures.newCpr());

        service.api().get("/api/v1/me/wishes").bearer(stranger).send().expectProblem(404, "citizen-not-enrolled");
        service.api().put("/api/v1/me/wishes").bearer(stranger).ifMatch("\"0\"").json(Map.of()).send()
                .expectProblem(404, "citizen-not-enrolled");
    }

    @Test
    void caseworkers_case_systems_and_evaluators_cannot_use_the_citizens_routes() {
        for (String token : new String[] {service.issuers().caseworker("851"), service.issuers().integration("851"),
                service.issuers().evaluator()}) {
            service.api().get("/api/v1/me/wishes").bearer(token).send().expectProblem(403, "role-required");
            service.api().get("/api/v1/me/wishes/history").bearer(token).send().expectProblem(403, "role-required");
            service.api().put("/api/v1/me/wishes").bearer(token).ifMatch("\"0\"").json(Map.of()).send()
                    .expectProblem(403, "role-required");
        }
    }

    @Test
    void only_evaluators_read_the_evaluation_and_evaluators_read_nothing_else() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String token : new String[] {citizen.token(), service.issuers().caseworker("851"),
                service.issuers().integration("851"), service.issuers().surveyAdmin()}) {
            service.api().get(TABLE).bearer(token).send().expectProblem(403, "role-required");
        }

        service.api().get(TABLE).bearer(service.issuers().evaluator()).send().expect(200);
        service.api().get("/api/v1/municipalities/851/citizens/" + citizen.citizenId() + "/wishes")
                .bearer(service.issuers().evaluator()).send().expectProblem(403, "role-required");
    }

    @Test
    void without_a_token_every_wishes_route_is_401() {
        service.api().get("/api/v1/me/wishes").send().expectProblem(401, "authentication-required");
        service.api().get("/api/v1/me/wishes/history").send().expectProblem(401, "authentication-required");
        service.api().get(TABLE).send().expectProblem(401, "authentication-required");
        service.api().get("/api/v1/reference/occupations").send().expectProblem(401, "authentication-required");
    }

    @Test
    void anyone_signed_in_reads_the_occupations_with_danish_and_english_labels() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String token : new String[] {citizen.token(), service.issuers().caseworker("851"),
                service.issuers().integration("101"), service.issuers().evaluator()}) {
            JsonNode list = service.api().get("/api/v1/reference/occupations").bearer(token).send().expect(200).json();

            assertThat(list.path("items")).hasSize(53);
            JsonNode sales = list.path("items").findParents("code").stream()
                    .filter(o -> o.path("code").asText().equals("52")).findFirst().orElseThrow();
            assertThat(sales.path("labelDa").asText()).isEqualTo("Salgsarbejde");
            assertThat(sales.path("labelEn").asText()).isEqualTo("Sales workers");
            assertThat(sales.path("majorGroup").asText()).isEqualTo("5");
        }
    }

    @Test
    void the_occupations_are_cheap_to_keep_current_with_their_etag() {
        String token = service.issuers().evaluator();
        ApiResponse first = service.api().get("/api/v1/reference/occupations").bearer(token).send().expect(200);

        service.api().get("/api/v1/reference/occupations").bearer(token).header("If-None-Match", first.etag()).send()
                .expect(304);
    }
}
