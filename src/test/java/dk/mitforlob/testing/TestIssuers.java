package dk.mitforlob.testing;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * A real OIDC issuer for the tests (mock-oauth2-server on loopback), shared by the whole run. It
 * serves a citizen, an employee and an integration issuer the service trusts, and a "rogue"
 * issuer it does not.
 */
public final class TestIssuers {

    public static final String AUDIENCE = "mitforlob-test";
    public static final String CITIZENS = "citizens";
    public static final String EMPLOYEES = "employees";
    public static final String INTEGRATIONS = "integrations";
    public static final String ROGUE = "rogue";

    private static TestIssuers instance;

    private final MockOAuth2Server server;

    private TestIssuers(MockOAuth2Server server) {
        this.server = server;
    }

    public static synchronized TestIssuers get() {
        if (instance == null) {
            MockOAuth2Server server = new MockOAuth2Server();
            server.start(InetAddress.getLoopbackAddress(), 0);
            instance = new TestIssuers(server);
            instance.warmUp();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return instance;
    }

    /**
     * Makes the server create each issuer's signing key now. Its first answer per issuer generates an
     * RSA key, which on a busy machine can take longer than the service waits for an issuer (5 s);
     * the service would rightly call that issuer unreachable, and the tests would see 503s.
     */
    private void warmUp() {
        HttpClient http = HttpClient.newHttpClient();
        for (String issuerId : List.of(CITIZENS, EMPLOYEES, INTEGRATIONS, ROGUE)) {
            try {
                for (String document : List.of("/.well-known/openid-configuration", "/jwks")) {
                    http.send(HttpRequest.newBuilder(URI.create(issuer(issuerId) + document))
                            .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public List<TrustedIssuer> trusted() {
        return List.of(
                new TrustedIssuer(CITIZENS, issuer(CITIZENS), AUDIENCE, Optional.empty(), EnumSet.of(Role.CITIZEN),
                        Optional.empty(), Optional.empty(), Optional.of("cpr"), "sub"),
                new TrustedIssuer(EMPLOYEES, issuer(EMPLOYEES), AUDIENCE, Optional.empty(),
                        EnumSet.of(Role.CASEWORKER, Role.EVALUATOR, Role.SURVEY_ADMIN), Optional.of("roles"),
                        Optional.of("municipality"), Optional.empty(), "sub"),
                new TrustedIssuer(INTEGRATIONS, issuer(INTEGRATIONS), AUDIENCE, Optional.empty(),
                        EnumSet.of(Role.INTEGRATION), Optional.empty(), Optional.of("municipality"),
                        Optional.empty(), "sub"));
    }

    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    public String token(String issuerId, String subject, Map<String, Object> claims) {
        return token(issuerId, subject, AUDIENCE, claims, 3600);
    }

    public String token(String issuerId, String subject, String audience, Map<String, Object> claims, long validSeconds) {
        return server.issueToken(issuerId, subject, audience, new HashMap<>(claims), validSeconds).serialize();
    }

    public String citizen(String cpr) {
        return token(CITIZENS, "citizen-" + cpr.hashCode(), Map.of("cpr", cpr));
    }

    public String caseworker(String municipality, String subject) {
        return token(EMPLOYEES, subject, Map.of("roles", List.of("caseworker"), "municipality", municipality));
    }

    public String caseworker(String municipality) {
        return caseworker(municipality, "caseworker-" + municipality);
    }

    public String integration(String municipality) {
        return token(INTEGRATIONS, "case-system-" + municipality, Map.of("municipality", municipality));
    }

    public String evaluator() {
        return token(EMPLOYEES, "evaluator-1", Map.of("roles", List.of("evaluator")));
    }

    public String surveyAdmin() {
        return token(EMPLOYEES, "survey-admin-1", Map.of("roles", List.of("survey-admin")));
    }
}
