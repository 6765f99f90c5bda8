package dk.mitforlob.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;

/**
 * Signing in to the console in demo mode: the development issuer's login page lets the person pick
 * one of the demo employees, and the issuer then puts that employee's claims in the tokens, exactly
 * as a municipal identity provider would. The console itself does plain OIDC and knows no one.
 */
final class DemoSignIn {

    static final String LOGIN_PAGE = "dev-issuer-login.html";
    static final String EVALUATOR_SUBJECT = "evaluator-demo";
    private static final long VALID_SECONDS = Duration.ofHours(8).toSeconds();

    private DemoSignIn() {
    }

    /** The demo employees by the name picked on the login page, with the claims their tokens carry. */
    static RequestMappingTokenCallback employeeClaims() {
        return new RequestMappingTokenCallback(DevIssuer.EMPLOYEES, List.of(
                pick("caseworker-851", Map.of("sub", DemoPeople.CASEWORKER_851.id(), "roles", List.of("caseworker"),
                        "municipality", "851", "name", DemoPeople.CASEWORKER_851.name())),
                pick("caseworker-101", Map.of("sub", DemoPeople.CASEWORKER_101.id(), "roles", List.of("caseworker"),
                        "municipality", "101", "name", DemoPeople.CASEWORKER_101.name())),
                pick("evaluator", Map.of("sub", EVALUATOR_SUBJECT, "roles", List.of("evaluator"),
                        "name", "Eva Evaluator"))),
                VALID_SECONDS);
    }

    private static RequestMapping pick(String login, Map<String, Object> claims) {
        Map<String, Object> withAudience = new HashMap<>(claims);
        withAudience.put("aud", List.of(DevIssuer.AUDIENCE));
        // the login page submits the pick as the login name; the issuer matches it as "subject"
        return new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, login, withAudience, "JWT");
    }

    /** Puts the login page where the development issuer reads it from (it reads a file, not a resource). */
    static Path writeLoginPage(Path dataDir) {
        try (InputStream page = DemoSignIn.class.getResourceAsStream("/demo/" + LOGIN_PAGE)) {
            if (page == null) {
                throw new IllegalStateException("The development issuer's login page is missing from the build");
            }
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(LOGIN_PAGE).toAbsolutePath();
            Files.copy(page, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development issuer's login page to " + dataDir, e);
        }
    }
}
