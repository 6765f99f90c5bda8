package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/** Health, metrics, the served contract, and what the logs say. */
class ObservabilityApiTest {

    private final TestService service = TestService.get();

    @Test
    void readiness_includes_the_store() {
        JsonNode ready = service.api().get("/observe/health/ready").offContract().send().expect(200).json();

        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("checks").findValuesAsText("name")).contains("store");
    }

    @Test
    void liveness_answers() {
        service.api().get("/observe/health/live").offContract().send().expect(200);
    }

    @Test
    void readiness_is_down_when_the_store_is_gone_and_liveness_stays_up() {
        EmbeddedMongo embedded = EmbeddedMongo.inMemory();
        var settings = TestService.settings(new TestStores.Target(embedded.connectionString(), "mitforlob", null),
                TestIssuers.get().trusted());
        try (Application app = Application.start(settings, Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            api.get("/observe/health/ready").offContract().send().expect(200);

            embedded.close();

            JsonNode down = api.get("/observe/health/ready").offContract().send().expect(503).json();
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            api.get("/observe/health/live").offContract().send().expect(200);
        }
    }

    @Test
    void metrics_are_served_in_prometheus_text() {
        var metrics = service.api().get("/observe/metrics").offContract().send().expect(200);

        assertThat(metrics.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.bodyText()).contains("# TYPE");
    }

    @Test
    void whether_each_issuer_can_be_reached_is_a_metric() {
        var metrics = service.api().get("/observe/metrics").offContract().send().expect(200).bodyText();

        assertThat(metrics).containsPattern("mitforlob_issuer_reachable\\{[^}]*issuer=\"citizens\"[^}]*} 1(\\.0)?");
        assertThat(metrics).contains("mitforlob_issuer_key_fetch_failures");
    }

    @Test
    void the_contract_is_served_at_openapi_as_committed() throws Exception {
        var served = service.api().get("/openapi").offContract().send().expect(200);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        JsonNode servedTree = yaml.readTree(served.bodyText());
        JsonNode committed = yaml.readTree(java.nio.file.Path.of("api-spec", "openapi.yaml").toFile());

        assertThat(servedTree).isEqualTo(committed);
    }

    @Test
    void the_contract_is_served_as_json_on_request() {
        var served = service.api().get("/openapi").header("Accept", "application/json").offContract().send().expect(200);

        assertThat(served.json().path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void swagger_ui_is_served() {
        var ui = service.api().get("/openapi/ui/index.html").offContract().send().expect(200);

        assertThat(ui.bodyText()).containsIgnoringCase("swagger");
    }

    @Test
    void every_log_line_of_a_request_carries_its_id_and_no_token_or_cpr() throws InterruptedException {
        var citizen = Fixtures.enrollCitizen(service, "851");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Logger root = Logger.getLogger("");
        var formatter = new io.helidon.logging.jul.HelidonFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(capture);
        try {
            service.api().get("/api/v1/me").bearer(citizen.token()).header("X-Request-Id", "trace-me-42").send()
                    .expect(200);
            service.api().get("/api/v1/me").bearer(citizen.token() + "x").header("X-Request-Id", "trace-me-43").send()
                    .expect(401);
            // the access line is written once the response is on its way, so it may trail the response
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines.stream().noneMatch(l -> l.contains("[trace-me-43]")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            root.removeHandler(capture);
        }

        List<String> requestLines = lines.stream().filter(l -> l.contains("/api/v1/me")).toList();
        assertThat(requestLines).anySatisfy(l -> assertThat(l).contains("[trace-me-42]").contains(" 200 "));
        assertThat(requestLines).anySatisfy(l -> assertThat(l).contains("[trace-me-43]").contains(" 401 "));
        String tokenPart = citizen.token().split("\\.")[1];
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains(tokenPart));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains(citizen.cpr()));
    }
}
