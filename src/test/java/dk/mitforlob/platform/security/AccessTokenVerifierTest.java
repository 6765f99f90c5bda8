package dk.mitforlob.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.KeyRotatingIssuer;
import dk.mitforlob.testing.TestIssuers;

/** Verification against real issuers: which tokens become which callers, and which are refused. */
class AccessTokenVerifierTest {

    private static final CprHmac HMAC = new CprHmac(new byte[32]);

    private final TestIssuers issuers = TestIssuers.get();
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(issuers.trusted(), HMAC);

    @Test
    void a_citizen_issuer_grants_only_the_citizen_role_whatever_its_token_claims() {
        String cpr = Fixtures.newCpr();
        String token = issuers.token(TestIssuers.CITIZENS, "someone", Map.of("cpr", cpr,
                "roles", List.of("caseworker", "integration"), "groups", List.of("caseworker"),
                "municipality", "851"));

        Caller caller = verifier.verify(token);

        assertThat(caller.roles()).containsExactly(Role.CITIZEN);
        assertThat(caller.municipalities()).isEmpty();
        assertThat(caller.citizenKey()).contains(HMAC.digest(cpr, "cpr"));
    }

    @Test
    void an_employee_issuer_never_grants_roles_outside_its_list() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "kim", Map.of(
                "roles", List.of("caseworker", "integration", "citizen"), "municipality", "851"));

        Caller caller = verifier.verify(token);

        assertThat(caller.roles()).containsExactly(Role.CASEWORKER);
        assertThat(caller.municipalities()).containsExactly("851");
    }

    @Test
    void roles_in_a_groups_claim_are_ignored() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "kim", Map.of("groups", List.of("caseworker"),
                "municipality", "851"));

        assertThat(verifier.verify(token).roles()).isEmpty();
    }

    @Test
    void a_space_separated_roles_claim_is_read_as_a_list() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "kim", Map.of("roles", "caseworker evaluator",
                "municipality", List.of("851", "860", "not-a-code")));

        Caller caller = verifier.verify(token);

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.EVALUATOR);
        assertThat(caller.municipalities()).containsExactlyInAnyOrder("851", "860");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "kim", "another-service",
                Map.of("roles", List.of("caseworker")), 600);

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("invalid-token"));
    }

    @Test
    void an_expired_token_is_refused_as_expired() {
        String token = issuers.token(TestIssuers.EMPLOYEES, "kim", TestIssuers.AUDIENCE,
                Map.of("roles", List.of("caseworker")), -600);

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(Rejection.class,
                r -> {
                    assertThat(r.status()).isEqualTo(401);
                    assertThat(r.code()).isEqualTo("token-expired");
                });
    }

    @Test
    void a_citizen_token_without_a_cpr_claim_is_refused() {
        String token = issuers.token(TestIssuers.CITIZENS, "someone", Map.of());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo("invalid-token"));
    }

    @Test
    void a_new_signing_key_is_accepted_without_a_restart() {
        try (KeyRotatingIssuer rotating = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(employeeIssuer(rotating.issuer(),
                    Optional.empty())), HMAC);
            Map<String, Object> claims = Map.of("roles", List.of("caseworker"), "municipality", "851");
            assertThat(verifier.verify(rotating.token("kim", "aud", claims)).roles()).containsExactly(Role.CASEWORKER);

            rotating.rotate();

            assertThat(verifier.verify(rotating.token("kim", "aud", claims)).roles()).containsExactly(Role.CASEWORKER);
            assertThat(rotating.jwksFetches()).isEqualTo(2);
        }
    }

    @Test
    void tokens_naming_unknown_keys_cannot_make_the_service_hammer_the_issuer() {
        try (KeyRotatingIssuer rotating = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(employeeIssuer(rotating.issuer(),
                    Optional.empty())), HMAC);
            Map<String, Object> claims = Map.of("roles", List.of("caseworker"));
            verifier.verify(rotating.token("kim", "aud", claims));

            String first = rotating.tokenWithUnknownKid("kim", "aud", claims);
            assertThatThrownBy(() -> verifier.verify(first))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.status()).isEqualTo(401));
            for (int i = 0; i < 20; i++) {
                // another unknown key moments later: refused, as "retry" (it may be a key just rotated in)
                assertThatThrownBy(() -> verifier.verify(rotating.tokenWithUnknownKid("kim", "aud", claims)))
                        .isInstanceOfSatisfying(Rejection.class, r -> {
                            assertThat(r.status()).isEqualTo(503);
                            assertThat(Long.parseLong(r.headers().get("Retry-After"))).isBetween(1L, 30L);
                        });
                // the key just looked for and not found: simply invalid
                assertThatThrownBy(() -> verifier.verify(first))
                        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.status()).isEqualTo(401));
            }

            assertThat(rotating.jwksFetches()).isEqualTo(2);
        }
    }

    @Test
    void while_an_issuer_is_unreachable_its_tokens_get_503_and_the_verifier_still_works_for_others()
            throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String deadIssuer = "http://127.0.0.1:" + deadPort + "/gone";
        try (KeyRotatingIssuer live = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(
                    employeeIssuer(live.issuer(), Optional.empty()),
                    new TrustedIssuer("gone", deadIssuer, "aud", Optional.of(URI.create(deadIssuer + "/jwks")),
                            EnumSet.of(Role.EVALUATOR), Optional.empty(), Optional.empty(), Optional.empty(), "sub")),
                    HMAC);
            String tokenClaimingDeadIssuer = forgeIssuer(live.token("kim", "aud", Map.of()), deadIssuer);

            assertThatThrownBy(() -> verifier.verify(tokenClaimingDeadIssuer))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.status()).isEqualTo(503);
                        assertThat(r.code()).isEqualTo("authentication-unavailable");
                    });
            assertThat(verifier.verify(live.token("kim", "aud", Map.of("roles", List.of("caseworker")))).roles())
                    .containsExactly(Role.CASEWORKER);
        }
    }

    private static TrustedIssuer employeeIssuer(String issuer, Optional<URI> jwks) {
        return new TrustedIssuer("employees", issuer, "aud", jwks, EnumSet.of(Role.CASEWORKER, Role.EVALUATOR),
                Optional.of("roles"), Optional.of("municipality"), Optional.empty(), "sub");
    }

    /** The same token with another {@code iss} in its payload (the signature no longer matches). */
    static String forgeIssuer(String token, String issuer) {
        String[] parts = token.split("\\.");
        var decoder = java.util.Base64.getUrlDecoder();
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"iss\":\"[^\"]*\"", "\"iss\":\"" + issuer + "\"");
        return parts[0] + "." + encoder.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
