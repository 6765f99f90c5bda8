package dk.mitforlob.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** What `make run` starts: embedded store on disk, development issuer, demo people and their tokens. */
class DemoModeTest {

    @TempDir
    Path dataDir;

    private Settings demoSettings() {
        TestLogging.configure();
        return Settings.fromEnvironment(Map.of("MITFORLOB_DATA_DIR", dataDir.toString(), "SERVER_PORT", "0",
                "SERVER_HOST", "127.0.0.1", "MITFORLOB_DEV_ISSUER_PORT", "0"));
    }

    private JsonNode tokens() throws Exception {
        return new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-tokens.json")));
    }

    @Test
    void demo_mode_writes_a_token_for_every_demo_actor_and_anna_sees_her_profile() throws Exception {
        try (Application app = Application.start(demoSettings(), Clock.systemUTC())) {
            JsonNode tokens = tokens();
            assertThat(tokens.fieldNames()).toIterable().containsExactlyInAnyOrder("citizen-anna", "citizen-bo",
                    "caseworker-851", "caseworker-101", "integration-851", "evaluator", "survey-admin");
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));

            JsonNode anna = api.get("/api/v1/me").bearer(tokens.path("citizen-anna").asText()).send().expect(200).json();
            JsonNode bo = api.get("/api/v1/me").bearer(tokens.path("citizen-bo").asText()).send().expect(200).json();

            assertThat(anna.path("municipality").path("code").asText()).isEqualTo("851");
            assertThat(anna.path("programme").asText()).isEqualTo("resource-programme");
            assertThat(bo.path("municipality").path("code").asText()).isEqualTo("101");
            assertThat(bo.path("programme").asText()).isEqualTo("activity-ready-cash-benefit");
            api.get("/api/v1/me").send().expectProblem(401, "authentication-required");

            for (String person : new String[] {"citizen-anna", "citizen-bo"}) {
                String token = tokens.path(person).asText();
                JsonNode plan = api.get("/api/v1/me/plan").bearer(token).send().expect(200).json();
                assertThat(plan.path("goals").size()).isGreaterThanOrEqualTo(1);
                assertThat(plan.path("activities").size()).isGreaterThanOrEqualTo(3);
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
                assertThat(plan.path("meetings")).extracting(m -> java.time.Instant.parse(m.path("start").asText())
                                .atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate())
                        .contains(today.plusDays(1), today.plusWeeks(1));
                JsonNode history = api.get("/api/v1/me/plan/history").bearer(token).send().expect(200).json();
                assertThat(history.path("items").size()).isGreaterThanOrEqualTo(2);
                JsonNode hours = api.get("/api/v1/me/hours/summary").bearer(token).send().expect(200).json();
                assertThat(hours.path("weeks").size()).as("several weeks of paid hours").isGreaterThanOrEqualTo(3);
            }
            JsonNode inbox = api.get("/api/v1/municipalities/851/inbox").bearer(tokens.path("caseworker-851").asText())
                    .send().expect(200).json();
            assertThat(inbox.path("unreadCount").asLong()).isGreaterThanOrEqualTo(2);
            JsonNode revisions = api.get("/api/v1/me/hours?includeWithdrawn=true")
                    .bearer(tokens.path("citizen-bo").asText()).send().expect(200).json();
            assertThat(revisions.path("items")).anySatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("withdrawn"));
            api.get("/api/v1/integration/municipalities/851/events").bearer(tokens.path("integration-851").asText())
                    .send().expect(200);
            api.get("/api/v1/municipalities/101/inbox").bearer(tokens.path("caseworker-851").asText()).send()
                    .expectProblem(403, "other-municipality");
        }
    }

    @Test
    void demo_data_survives_a_restart_on_the_same_data_directory() throws Exception {
        String annasId;
        long planVersion;
        try (Application app = Application.start(demoSettings(), Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            annasId = api.get("/api/v1/me").bearer(tokens().path("citizen-anna").asText()).send().expect(200)
                    .json().path("citizenId").asText();
            planVersion = api.get("/api/v1/me/plan").bearer(tokens().path("citizen-anna").asText()).send().expect(200)
                    .json().path("version").asLong();
        }
        try (Application app = Application.start(demoSettings(), Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            String afterRestart = api.get("/api/v1/me").bearer(tokens().path("citizen-anna").asText()).send()
                    .expect(200).json().path("citizenId").asText();

            assertThat(afterRestart).isEqualTo(annasId);
            assertThat(api.get("/api/v1/me/plan").bearer(tokens().path("citizen-anna").asText()).send().expect(200)
                    .json().path("version").asLong()).as("a restart adds no plan versions").isEqualTo(planVersion);
        }
    }

    @Test
    void the_development_issuer_refuses_to_run_outside_demo_mode() {
        Settings production = new Settings(Settings.Mode.PRODUCTION, "127.0.0.1", 0,
                java.util.Optional.of("mongodb://127.0.0.1:1"), "x", dataDir, true, java.util.List.of(),
                Settings.demoKey(), Settings.DEFAULT_MAX_BODY_BYTES, 0, Settings.LogFormat.TEXT, 90,
                dk.mitforlob.platform.config.PushSettings.logOnly());

        assertThatThrownBy(() -> DemoMode.start(production)).hasMessageContaining("demo mode only");
    }
}
