package dk.mitforlob.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEObjectType;

import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.KeyRotatingIssuer;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;

/** ID tokens, token types per issuer, key rotation and an issuer going down and coming back. */
class TokenEdgeCasesTest {

    private static final CprHmac HMAC = new CprHmac(new byte[32]);
    private static final Map<String, Object> CASEWORKER = Map.of("roles", List.of("caseworker"), "municipality", "851");

    private final TestIssuers issuers = TestIssuers.get();

    private static TrustedIssuer employees(String name, String issuer, TrustedIssuer.TokenType type) {
        return new TrustedIssuer(name, issuer, "aud", Optional.empty(), EnumSet.of(Role.CASEWORKER),
                Optional.of("roles"), Optional.of("municipality"), Optional.empty(), "sub", type);
    }

    private static void refused(AccessTokenVerifier verifier, String token, int status) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.status()).isEqualTo(status));
    }

    @Test
    void id_tokens_are_refused_whatever_their_header_says() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(issuers.trusted(), HMAC);
        String cpr = Fixtures.newCpr();
        for (Map<String, Object> idTokenClaims : List.of(Map.<String, Object>of("typ", "ID"),
                Map.<String, Object>of("typ", "id"), Map.<String, Object>of("nonce", "n-0S6_WzA2Mj"),
                Map.<String, Object>of("at_hash", "77QmUPtjPfzWtF2AnpK9RQ"), Map.<String, Object>of("typ", "Refresh"))) {
            Map<String, Object> claims = new java.util.HashMap<>(idTokenClaims);
            claims.put("cpr", cpr);
            String token = issuers.token(TestIssuers.CITIZENS, "someone", claims);

            assertThatThrownBy(() -> verifier.verify(token)).as(idTokenClaims.toString())
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.status()).isEqualTo(401);
                        assertThat(r.code()).isEqualTo("invalid-token");
                    });
        }
    }

    @Test
    void an_access_token_with_a_bearer_payload_type_is_accepted() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(issuers.trusted(), HMAC);
        String token = issuers.token(TestIssuers.CITIZENS, "someone", Map.of("typ", "Bearer", "cpr", Fixtures.newCpr()));

        assertThat(verifier.verify(token).roles()).containsExactly(Role.CITIZEN);
    }

    @Test
    void an_issuer_set_to_at_jwt_accepts_only_rfc9068_access_tokens() {
        try (KeyRotatingIssuer issuer = new KeyRotatingIssuer()) {
            AccessTokenVerifier strict = new AccessTokenVerifier(List.of(employees("strict-" + System.nanoTime(),
                    issuer.issuer(), TrustedIssuer.TokenType.AT_JWT)), HMAC);
            AccessTokenVerifier lenient = new AccessTokenVerifier(List.of(employees("lenient-" + System.nanoTime(),
                    issuer.issuer(), TrustedIssuer.TokenType.JWT)), HMAC);

            assertThat(strict.verify(issuer.token("kim", "aud", CASEWORKER, new JOSEObjectType("at+jwt"))).roles())
                    .containsExactly(Role.CASEWORKER);
            refused(strict, issuer.token("kim", "aud", CASEWORKER, JOSEObjectType.JWT), 401);
            refused(strict, issuer.token("kim", "aud", CASEWORKER, null), 401);
            assertThat(lenient.verify(issuer.token("kim", "aud", CASEWORKER, null)).roles())
                    .containsExactly(Role.CASEWORKER);
            refused(lenient, issuer.token("kim", "aud", CASEWORKER, new JOSEObjectType("id+jwt")), 401);
        }
    }

    @Test
    void a_rotation_announced_ahead_is_known_before_the_first_token_with_the_new_key() {
        TestClock clock = new TestClock();
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        try (KeyRotatingIssuer issuer = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(employees("ahead-" + System.nanoTime(),
                    issuer.issuer(), TrustedIssuer.TokenType.JWT)), HMAC, clock);
            verifier.refreshKeys();
            assertThat(verifier.verify(issuer.token("kim", "aud", CASEWORKER)).roles()).containsExactly(Role.CASEWORKER);

            issuer.publishNextKey();
            clock.set(clock.instant().plus(Duration.ofMinutes(5)));
            verifier.refreshKeys();
            issuer.useNextKey();
            // forged tokens with made-up keys use up the on-the-spot refetch just before the real one arrives
            refused(verifier, issuer.tokenWithUnknownKid("kim", "aud", CASEWORKER), 401);
            refused(verifier, issuer.tokenWithUnknownKid("kim", "aud", CASEWORKER), 503);

            assertThat(verifier.verify(issuer.token("kim", "aud", CASEWORKER)).roles()).containsExactly(Role.CASEWORKER);
            assertThat(issuer.jwksFetches()).isEqualTo(3);
        }
    }

    @Test
    void a_new_key_met_right_after_a_refetch_is_503_with_retry_after_not_401() {
        try (KeyRotatingIssuer issuer = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(employees("unannounced-" + System.nanoTime(),
                    issuer.issuer(), TrustedIssuer.TokenType.JWT)), HMAC);
            verifier.verify(issuer.token("kim", "aud", CASEWORKER));
            refused(verifier, issuer.tokenWithUnknownKid("kim", "aud", CASEWORKER), 401);

            issuer.rotate();

            assertThatThrownBy(() -> verifier.verify(issuer.token("kim", "aud", CASEWORKER)))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.status()).isEqualTo(503);
                        assertThat(r.code()).isEqualTo("authentication-unavailable");
                        assertThat(Long.parseLong(r.headers().get("Retry-After"))).isBetween(1L, 30L);
                    });
        }
    }

    @Test
    void an_unreachable_issuer_is_logged_once_per_outage_and_once_on_recovery_and_shown_in_a_metric() {
        TestClock clock = new TestClock();
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        String name = "flaky-" + System.nanoTime();
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(IssuerReachability.class.getName());
        logger.addHandler(capture);
        try (KeyRotatingIssuer issuer = new KeyRotatingIssuer()) {
            AccessTokenVerifier verifier = new AccessTokenVerifier(List.of(new TrustedIssuer(name, issuer.issuer(), "aud",
                    Optional.of(URI.create(issuer.issuer() + "/jwks")), EnumSet.of(Role.CASEWORKER), Optional.of("roles"),
                    Optional.of("municipality"), Optional.empty(), "sub")), HMAC, clock);
            verifier.refreshKeys();
            issuer.down(true);
            for (int i = 1; i <= 4; i++) {
                clock.set(clock.instant().plus(Duration.ofMinutes(5)));
                verifier.refreshKeys();
            }
            assertThat(reachable(name)).isZero();
            // known keys carry the service through the outage
            assertThat(verifier.verify(issuer.token("kim", "aud", CASEWORKER)).roles()).containsExactly(Role.CASEWORKER);
            issuer.down(false);
            clock.set(clock.instant().plus(Duration.ofMinutes(5)));
            verifier.refreshKeys();
            verifier.refreshKeys();

            assertThat(reachable(name)).isEqualTo(1);
        } finally {
            logger.removeHandler(capture);
        }
        List<String> messages = warnings.stream()
                .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).contains("'" + name + "' is unreachable");
        assertThat(messages.get(1)).contains("'" + name + "' is reachable again");
    }

    private static double reachable(String issuer) {
        return Metrics.globalRegistry().gauge("mitforlob_issuer_reachable", List.of(Tag.create("issuer", issuer)))
                .orElseThrow().value().doubleValue();
    }
}
