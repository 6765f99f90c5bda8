package dk.mitforlob.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.KeyRotatingIssuer;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestService;

/** The authentication table of the foundation issue, over real HTTP with real tokens. */
class AuthenticationApiTest {

    private static final String ME = "/api/v1/me";
    private static final String ENROLL_851 = "/api/v1/integration/municipalities/851/citizens/REF-auth-1";

    private final TestService service = TestService.get();
    private final TestIssuers issuers = service.issuers();

    @Test
    void no_token_is_401() {
        service.api().get(ME).send().expectProblem(401, "authentication-required");
    }

    @Test
    void another_authorization_scheme_is_401() {
        service.api().get(ME).header("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l").send()
                .expectProblem(401, "invalid-token");
    }

    @Test
    void two_authorization_headers_are_400_whichever_comes_first() {
        String valid = issuers.citizen(Fixtures.newCpr());
        for (List<String> pair : List.of(List.of("Bearer " + valid, "Bearer garbage"),
                List.of("Bearer garbage", "Bearer " + valid), List.of("Bearer " + valid, "Bearer " + valid))) {
            var response = service.api().get(ME).header("Authorization", pair.get(0)).header("Authorization", pair.get(1))
                    .send().expectProblem(400, "duplicate-header");

            assertThat(response.problemFields()).containsExactly("Authorization");
        }
    }

    @Test
    void an_id_token_is_not_an_access_token() {
        String idToken = issuers.token(TestIssuers.CITIZENS, "x", Map.of("cpr", Fixtures.newCpr(), "nonce", "n-0S6"));

        service.api().get(ME).bearer(idToken).send().expectProblem(401, "invalid-token");
    }

    @Test
    void garbage_is_401() {
        service.api().get(ME).bearer("not.a.jwt").send().expectProblem(401, "invalid-token");
    }

    @Test
    void an_edited_payload_is_401() {
        String token = issuers.citizen(Fixtures.newCpr());
        String edited = editPayload(token, payload -> payload.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"someone-else\""));

        service.api().get(ME).bearer(edited).send().expectProblem(401, "invalid-token");
    }

    @Test
    void an_encrypted_jwt_is_401_not_a_crash() {
        String fiveParts = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.AAAA.AAAA.AAAA.AAAA";

        service.api().get(ME).bearer(fiveParts).send().expectProblem(401, "invalid-token");
    }

    @Test
    void an_unsigned_token_is_401() {
        String token = issuers.citizen(Fixtures.newCpr());
        String[] parts = token.split("\\.");
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        service.api().get(ME).bearer(none).send().expectProblem(401, "invalid-token");
    }

    @Test
    void a_token_for_another_audience_is_401() {
        String token = issuers.token(TestIssuers.CITIZENS, "x", "some-other-api",
                Map.of("cpr", Fixtures.newCpr()), 600);

        service.api().get(ME).bearer(token).send().expectProblem(401, "invalid-token");
    }

    @Test
    void an_expired_token_is_401_token_expired() {
        String token = issuers.token(TestIssuers.CITIZENS, "x", TestIssuers.AUDIENCE,
                Map.of("cpr", Fixtures.newCpr()), -120);

        var response = service.api().get(ME).bearer(token).send().expectProblem(401, "token-expired");

        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void a_token_from_an_issuer_that_is_not_trusted_is_401() {
        String token = issuers.token(TestIssuers.ROGUE, "x", Map.of("cpr", Fixtures.newCpr()));

        service.api().get(ME).bearer(token).send().expectProblem(401, "invalid-token");
    }

    @Test
    void a_token_signed_by_the_citizen_issuer_claiming_to_be_from_the_employee_issuer_is_401() {
        String citizenToken = issuers.token(TestIssuers.CITIZENS, "x",
                Map.of("roles", List.of("integration"), "municipality", "851", "cpr", Fixtures.newCpr()));
        String forged = AccessTokenVerifierTest.forgeIssuer(citizenToken, issuers.issuer(TestIssuers.INTEGRATIONS));

        refusedForItsKey(service.api().put(ENROLL_851).bearer(forged).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send());
    }

    /**
     * A token naming a key its issuer never published: 401, or 503 when another unknown key was looked
     * up at the issuer moments ago (then the service cannot tell a forgery from a key just rotated in).
     */
    private static void refusedForItsKey(dk.mitforlob.testing.ApiResponse response) {
        if (response.status() == 503) {
            response.expectProblem(503, "authentication-unavailable");
            assertThat(response.header("Retry-After")).isPresent();
        } else {
            response.expectProblem(401, "invalid-token");
        }
    }

    @Test
    void a_validly_signed_token_from_another_issuer_claiming_a_trusted_issuer_is_401() {
        try (KeyRotatingIssuer other = new KeyRotatingIssuer()) {
            String forged = other.token("case-system-851", TestIssuers.AUDIENCE,
                    Map.of("iss", issuers.issuer(TestIssuers.INTEGRATIONS), "municipality", "851"));

            refusedForItsKey(service.api().put(ENROLL_851).bearer(forged).json(Fixtures.enrollment(Fixtures.newCpr(),
                    "cw")).send());
        }
    }

    @Test
    void a_citizen_token_claiming_municipal_roles_cannot_act_as_a_case_system() {
        String token = issuers.token(TestIssuers.CITIZENS, "x", Map.of("cpr", Fixtures.newCpr(),
                "roles", List.of("integration"), "groups", List.of("integration"), "municipality", "851"));

        service.api().put(ENROLL_851).bearer(token).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(403, "role-required");
    }

    @Test
    void an_employee_token_claiming_the_integration_role_cannot_act_as_a_case_system() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "x",
                Map.of("roles", List.of("integration", "caseworker"), "municipality", "851"));

        service.api().put(ENROLL_851).bearer(token).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(403, "role-required");
    }

    @Test
    void a_case_system_of_another_municipality_is_403() {
        service.api().put(ENROLL_851).bearer(issuers.integration("101"))
                .json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(403, "other-municipality");
    }

    @Test
    void a_missing_role_is_403() {
        service.api().get(ME).bearer(issuers.evaluator()).send().expectProblem(403, "role-required");
    }

    private static String editPayload(String token, java.util.function.UnaryOperator<String> edit) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "." + base64(edit.apply(payload)) + "." + parts[2];
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
