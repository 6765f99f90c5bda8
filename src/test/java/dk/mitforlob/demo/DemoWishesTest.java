package dk.mitforlob.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.Application;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.TestLogging;

/** Demo mode gives Anna and Bo interests and wishes, once, however often it is restarted. */
class DemoWishesTest {

    @TempDir
    Path dataDir;

    private Settings demoSettings() {
        TestLogging.configure();
        return Settings.fromEnvironment(Map.of("MITFORLOB_DATA_DIR", dataDir.toString(), "SERVER_PORT", "0",
                "SERVER_HOST", "127.0.0.1", "MITFORLOB_DEV_ISSUER_PORT", "0"));
    }

    private String token(String who) throws Exception {
        return new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-tokens.json"))).path(who).asText();
    }

    @Test
    void anna_and_bo_have_wishes_that_reach_their_caseworkers_and_a_restart_adds_no_versions() throws Exception {
        long annasVersion;
        try (Application app = Application.start(demoSettings(), Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            JsonNode anna = api.get("/api/v1/me/wishes").bearer(token("citizen-anna")).send().expect(200).json();
            JsonNode bo = api.get("/api/v1/me/wishes").bearer(token("citizen-bo")).send().expect(200).json();
            JsonNode annasHistory = api.get("/api/v1/me/wishes/history").bearer(token("citizen-anna")).send()
                    .expect(200).json();
            JsonNode inbox = api.get("/api/v1/municipalities/851/inbox?type=wishes-changed")
                    .bearer(token("caseworker-851")).send().expect(200).json();

            annasVersion = anna.path("version").asLong();
            assertThat(annasVersion).isEqualTo(2);
            assertThat(anna.path("interests").path("occupations").get(0).asText()).isEqualTo("52");
            assertThat(anna.path("hoursPerWeek").asInt()).isEqualTo(12);
            assertThat(annasHistory.path("items").get(0).path("summary").asText())
                    .contains("Uddannelse eller kursus").contains("Timer om ugen: 10 → 12");
            assertThat(bo.path("version").asLong()).isEqualTo(1);
            assertThat(bo.path("wishes").findValuesAsText("type")).contains("work-placement", "fewer-meetings");
            assertThat(inbox.path("items")).hasSize(2);
            api.get("/api/v1/municipalities/101/citizens/" + api.get("/api/v1/me").bearer(token("citizen-bo")).send()
                    .expect(200).json().path("citizenId").asText() + "/wishes").bearer(token("caseworker-101")).send()
                    .expect(200);
            String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Copenhagen")).minusMonths(1).toString();
            api.get("/api/v1/evaluation/wishes?month=" + lastMonth).bearer(token("evaluator")).send().expect(200);
        }
        try (Application app = Application.start(demoSettings(), Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));

            assertThat(api.get("/api/v1/me/wishes").bearer(token("citizen-anna")).send().expect(200).json()
                    .path("version").asLong()).as("a restart adds no versions").isEqualTo(annasVersion);
            assertThat(api.get("/api/v1/me/wishes").bearer(token("citizen-bo")).send().expect(200).json()
                    .path("version").asLong()).isEqualTo(1);
        }
    }
}
