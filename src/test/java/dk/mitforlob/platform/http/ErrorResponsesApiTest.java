package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestService;

/** Every failure is problem+json with a stable code and the request id. */
class ErrorResponsesApiTest {

    private final TestService service = TestService.get();
    private final String enroll = "/api/v1/integration/municipalities/851/citizens/REF-errors";

    @Test
    void malformed_json_is_400_malformed_json() {
        service.api().put(enroll).bearer(service.issuers().integration("851")).json("{\"cpr\": ").invalid().send()
                .expectProblem(400, "malformed-json");
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.put("shoeSize", 44);

        var response = service.api().put(enroll).bearer(service.issuers().integration("851")).json(body).invalid()
                .send().expectProblem(400, "unknown-field");

        assertThat(response.problemFields()).containsExactly("shoeSize");
    }

    @Test
    void a_nested_unknown_field_is_named_by_its_path() {
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.put("caseworker", java.util.Map.of("id", "cw", "name", "C", "rank", 3));

        var response = service.api().put(enroll).bearer(service.issuers().integration("851")).json(body).invalid()
                .send().expectProblem(400, "unknown-field");

        assertThat(response.problemFields()).containsExactly("caseworker.rank");
    }

    @Test
    void a_wrong_type_is_400_naming_the_field() {
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.put("name", 42);

        var response = service.api().put(enroll).bearer(service.issuers().integration("851")).json(body).invalid()
                .send().expectProblem(400, "invalid-field-type");

        assertThat(response.problemFields()).containsExactly("name");
    }

    @Test
    void an_unknown_enum_value_is_422_naming_the_field_and_the_allowed_values() {
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.put("programme", "holiday");

        var response = service.api().put(enroll).bearer(service.issuers().integration("851")).json(body).invalid()
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("programme");
        assertThat(response.bodyText()).contains("resource-programme");
    }

    @Test
    void a_json_null_body_is_400_not_a_crash() {
        service.api().put(enroll).bearer(service.issuers().integration("851")).json("null").invalid().send()
                .expectProblem(400, "invalid-json");
    }

    @Test
    void a_json_array_body_is_400() {
        service.api().put(enroll).bearer(service.issuers().integration("851")).json("[1, 2]").invalid().send()
                .expect(400);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        service.api().put(enroll).bearer(service.issuers().integration("851"))
                .body("text/plain", "cpr=1".getBytes(StandardCharsets.UTF_8)).invalid().send()
                .expectProblem(415, "unsupported-media-type");
    }

    @Test
    void a_missing_body_is_400() {
        service.api().put(enroll).bearer(service.issuers().integration("851"))
                .body("application/json", new byte[0]).invalid().send()
                .expectProblem(400, "body-required");
    }

    @Test
    void a_body_over_the_limit_is_413() {
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

        service.api().put(enroll).bearer(service.issuers().integration("851")).json(huge).invalid().send()
                .expectProblem(413, "payload-too-large");
    }

    @Test
    void an_unknown_route_is_404_problem() {
        service.api().get("/api/v1/no-such-thing").bearer(service.issuers().evaluator()).offContract().send()
                .expectProblem(404, "not-found");
    }

    @Test
    void an_unknown_route_outside_the_api_is_404_problem_too() {
        service.api().get("/no-such-thing").offContract().send().expectProblem(404, "not-found");
    }

    @Test
    void a_wrong_method_is_405_with_allow() {
        var citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().delete("/api/v1/me").bearer(citizen.token()).offContract().send()
                .expectProblem(405, "method-not-allowed");

        assertThat(response.header("Allow")).contains("GET, HEAD");
    }

    @Test
    void the_clients_request_id_is_echoed_in_header_and_problem() {
        var response = service.api().get("/api/v1/me").header("X-Request-Id", "phone-4711.retry-2").send()
                .expect(401);

        assertThat(response.header("X-Request-Id")).contains("phone-4711.retry-2");
        assertThat(response.json().path("requestId").asText()).isEqualTo("phone-4711.retry-2");
    }

    @Test
    void a_request_id_that_could_forge_log_lines_is_replaced() {
        var response = service.api().get("/api/v1/me").header("X-Request-Id", "x %n FAKE LOG LINE").send().expect(401);

        assertThat(response.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{24}"));
    }

    @Test
    void successful_responses_carry_a_request_id_too() {
        var citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200);

        assertThat(response.header("X-Request-Id")).isPresent();
    }
}
