package dk.mitforlob.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * A development OIDC issuer (mock-oauth2-server) in the same process, on loopback only: real
 * discovery, real keys, real signed tokens, so demo mode exercises the same verification as
 * production. It exists only in demo mode; nothing outside this package can mint a token.
 */
public final class DevIssuer implements AutoCloseable {

    static final String AUDIENCE = "mitforlob";
    static final String CITIZENS = "citizens";
    static final String EMPLOYEES = "employees";
    static final String INTEGRATIONS = "integrations";

    private final MockOAuth2Server server;

    private DevIssuer(MockOAuth2Server server) {
        this.server = server;
    }

    public static DevIssuer start(Settings settings) {
        if (!settings.demo()) {
            throw new IllegalStateException("The development issuer runs in demo mode only");
        }
        // the authorize endpoint shows a page to pick a demo employee (the console's sign-in); tokens minted
        // directly for the tokens file are not affected
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true,
                DemoSignIn.writeLoginPage(settings.dataDir()).toString(), null, false, new OAuth2TokenProvider(),
                Set.of(DemoSignIn.employeeClaims()), new MockWebServerWrapper()));
        try {
            server.start(InetAddress.getLoopbackAddress(), settings.devIssuerPort());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The development issuer cannot listen on port " + settings.devIssuerPort()
                    + "; set MITFORLOB_DEV_ISSUER_PORT to a free port", e);
        }
        return new DevIssuer(server);
    }

    /** The dev issuers as the service trusts them: the same shape production configures for its real ones. */
    public List<TrustedIssuer> trustedIssuers() {
        return List.of(
                new TrustedIssuer(CITIZENS, issuer(CITIZENS), AUDIENCE, Optional.empty(), EnumSet.of(Role.CITIZEN),
                        Optional.empty(), Optional.empty(), Optional.of("cpr"), "sub"),
                new TrustedIssuer(EMPLOYEES, issuer(EMPLOYEES), AUDIENCE, Optional.empty(),
                        EnumSet.of(Role.CASEWORKER, Role.EVALUATOR, Role.SURVEY_ADMIN),
                        Optional.of("roles"), Optional.of("municipality"), Optional.empty(), "sub"),
                new TrustedIssuer(INTEGRATIONS, issuer(INTEGRATIONS), AUDIENCE, Optional.empty(),
                        EnumSet.of(Role.INTEGRATION), Optional.empty(), Optional.of("municipality"), Optional.empty(),
                        "sub"));
    }

    String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    String token(String issuerId, String subject, Map<String, Object> claims, long validSeconds) {
        return server.issueToken(issuerId, subject, AUDIENCE, claims, validSeconds).serialize();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Stopping the development issuer failed", e));
        }
    }
}
