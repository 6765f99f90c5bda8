package dk.mitforlob.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.mitforlob.Application;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.testing.TestLogging;

/**
 * What `make run` starts, once for all browser tests: demo mode with its development issuer and
 * demo data, on free ports, with the store in memory.
 */
final class ConsoleDemo {

    private static Application application;
    private static Path dataDir;

    private ConsoleDemo() {
    }

    /** The console's address; starts demo mode on first use. */
    static synchronized URI console() {
        if (application == null) {
            TestLogging.configure();
            try {
                dataDir = Files.createTempDirectory("mitforlob-console-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Settings settings = Settings.fromEnvironment(Map.of("MITFORLOB_DATA_DIR", dataDir.toString(),
                    "SERVER_PORT", "0", "SERVER_HOST", "127.0.0.1", "MITFORLOB_DEV_ISSUER_PORT", "0",
                    "MITFORLOB_EMBEDDED_STORE", "memory"));
            application = Application.start(settings, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(application::close));
        }
        // "localhost", like the development issuer's own address: both are loopback origins to the browser
        return URI.create("http://localhost:" + application.port() + "/console/");
    }

    /** Anna's citizen id, as her own app sees it. */
    static String annasCitizenId() throws IOException, InterruptedException {
        JsonNode tokens = new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-tokens.json")));
        HttpRequest request = HttpRequest.newBuilder(console().resolve("/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.path("citizen-anna").asText()).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body).path("citizenId").asText();
        }
    }

    /**
     * A demo citizen ("citizen-anna", "citizen-bo") answers this month's demo survey round through
     * the citizens' API, as the app would; returns the HTTP status (201, or 409 when already answered).
     */
    static int answerSurvey(String person, String roundId) throws IOException, InterruptedException {
        JsonNode tokens = new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-tokens.json")));
        String body = """
                {"answers":[{"itemId":"overall","value":4},{"itemId":"listened-to","value":5},
                {"itemId":"clear-goals","value":4},{"itemId":"ownership","value":3},{"itemId":"caseworker","value":5},
                {"itemId":"work-experience","value":"placement"},{"itemId":"work-experience-helped","value":4},
                {"itemId":"mentor","value":"no"},{"itemId":"closer-to-work","value":7},
                {"itemId":"comment","value":"God hjælp"}]}""";
        HttpRequest request = HttpRequest.newBuilder(console().resolve("/api/v1/me/surveys/" + roundId + "/response"))
                .header("Authorization", "Bearer " + tokens.path(person).asText())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
