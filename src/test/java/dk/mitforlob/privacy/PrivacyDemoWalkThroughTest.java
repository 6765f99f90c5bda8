package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.mitforlob.Application;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.IssuerWarmUp;
import dk.mitforlob.testing.TestLogging;

/**
 * Issue 16's "done when", as a new user would try it in demo mode: caseworker-851 opens anna's plan
 * and hours; anna's access log shows two entries naming "sagsbehandler, Aalborg Kommune" and no
 * employee; bo's shows nothing of anna; anna's export holds her plan, hours and wishes and validates.
 */
class PrivacyDemoWalkThroughTest {

    @TempDir
    Path dataDir;

    @Test
    void annas_access_log_and_export_in_demo_mode() throws Exception {
        TestLogging.configure();
        Settings settings = Settings.fromEnvironment(Map.of("MITFORLOB_DATA_DIR", dataDir.toString(), "SERVER_PORT", "0",
                "SERVER_HOST", "127.0.0.1", "MITFORLOB_DEV_ISSUER_PORT", "0"));
        try (Application app = Application.start(settings, Clock.systemUTC())) {
            JsonNode tokens = new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-tokens.json")));
            String anna = tokens.path("citizen-anna").asText();
            String bo = tokens.path("citizen-bo").asText();
            String caseworker = tokens.path("caseworker-851").asText();
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            String annasId = firstCall(api, anna).path("citizenId").asText();
            firstCall(api, caseworker);
            assertThat(api.get("/api/v1/me/access-log").bearer(anna).send().expect(200).json().path("items")).isEmpty();

            String citizen = "/api/v1/municipalities/851/citizens/" + annasId;
            api.get(citizen + "/plan").bearer(caseworker).send().expect(200);
            api.get(citizen + "/hours").bearer(caseworker).send().expect(200);

            JsonNode log = api.get("/api/v1/me/access-log").bearer(anna).send().expect(200).json().path("items");
            assertThat(log).hasSize(2);
            assertThat(log.findValuesAsText("text")).containsOnly("sagsbehandler, Aalborg Kommune");
            assertThat(log.findValuesAsText("resource")).containsExactly("hours", "plan");
            String subject = subjectOf(caseworker);
            assertThat(log.toString()).doesNotContain(subject).doesNotContain("Karen");

            JsonNode bosLog = api.get("/api/v1/me/access-log").bearer(bo).send().expect(200).json();
            assertThat(bosLog.toString()).doesNotContain(annasId).doesNotContain("Aalborg");

            JsonNode export = api.get("/api/v1/me/export").bearer(anna).send().expect(200).json();
            assertThat(ExportApiTest.violations(export)).isEmpty();
            assertThat(export.path("plan").path("versions").size()).isPositive();
            assertThat(export.path("hours").path("registrations").size()).isPositive();
            assertThat(export.path("wishes").path("versions").size()).isPositive();
            // the demo round's invitations are fixed by a background task within seconds of start-up
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (export.path("surveys").path("participation").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(2000);
                export = api.get("/api/v1/me/export").bearer(anna).send().expect(200).json();
            }
            assertThat(export.path("surveys").path("participation").findValuesAsText("state")).containsExactly("invited");
            assertThat(export.toString()).doesNotContain("answers");
        }
    }

    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new ObjectMapper().readTree(payload).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode firstCall(Api api, String token) throws InterruptedException {
        var response = IssuerWarmUp.retryingWhileUnavailable(() -> api.get("/api/v1/me").bearer(token).send());
        return response.status() == 403 ? response.json() : response.expect(200).json();
    }
}
