package dk.mitforlob.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.IssuerWarmUp;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.ServiceProcess;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestService;

/**
 * The images run in podman the way a cluster runs them: read-only root, no capabilities, no
 * privilege gain, 384 MB. Demo mode answers with a demo token; SIGTERM lets a request in flight
 * finish and ends the process with 0 within 10 s; the production image refuses to start without
 * its settings, and with them serves real tokens from a real store.
 */
class ImageRunIT {

    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);
    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);

    private final List<String> containers = new ArrayList<>();

    @TempDir
    Path dataDir;

    @BeforeAll
    static void loadImages() {
        if (!Podman.installed()) {
            if (Boolean.getBoolean("mitforlob.image.requirePodman")) {
                fail("podman is not installed: apt-get install podman runc");
            }
            System.out.println("ImageRunIT skipped: podman is not installed (apt-get install podman runc)");
            assumeTrue(false, "podman is not installed (apt-get install podman runc)");
        }
        for (String tar : List.of("mitforlob.image.tar", "mitforlob.demo.image.tar")) {
            long start = System.nanoTime();
            Podman.check(Duration.ofMinutes(3), "load", "-q", "-i", ImageContentsIT.tar(tar).toString());
            System.out.printf("podman load %s: %d ms%n", tar, millisSince(start));
        }
    }

    @AfterEach
    void removeContainers() {
        for (String name : containers) {
            Podman.run(Duration.ofSeconds(30), "rm", "-f", "-t", "0", name);
        }
    }

    @Test
    void demo_image_answers_a_demo_token_and_on_sigterm_finishes_the_request_in_flight_and_exits_0() throws Exception {
        int port = freePort();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String name = start(image("mitforlob.demo.image"), Map.of("SERVER_HOST", "127.0.0.1",
                "SERVER_PORT", Integer.toString(port), "MITFORLOB_DEV_ISSUER_PORT", Integer.toString(freePort())));
        Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));

        JsonNode tokens = new ObjectMapper().readTree(dataDir.resolve("demo-tokens.json").toFile());
        String anna = tokens.path("citizen-anna").asText();
        JsonNode me = firstCall(() -> api.get("/api/v1/me").bearer(anna).send()).expect(200).json();
        assertThat(me.path("municipality").path("code").asText()).isEqualTo("851");
        printMemory(name);

        try (InFlightRequest inFlight = InFlightRequest.start(port, anna)) {
            Thread.sleep(500);
            long sigterm = System.nanoTime();
            Podman.check(Duration.ofSeconds(30), "kill", "--signal", "TERM", name);
            Thread.sleep(1000);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("no new connections once stopping")
                    .isInstanceOf(ConnectException.class);

            assertThat(inFlight.finish()).as("the request in flight is answered").startsWith("HTTP/1.1 201");
            int exit = awaitExit(name);
            long stopMillis = millisSince(sigterm);
            System.out.printf("demo image: SIGTERM to exit %d ms (exit code %d)%n", stopMillis, exit);
            assertThat(exit).as("exit code after SIGTERM").isZero();
            assertThat(stopMillis).isLessThan(STOP_DEADLINE.toMillis());
        }
        String logs = Podman.check(Duration.ofSeconds(30), "logs", name);
        System.out.println("demo image, last log lines:\n" + logs.substring(logs.lastIndexOf("SIGTERM") - 30));
        assertThat(logs).contains("SIGTERM", "Mit Forløb stopped");
    }

    @Test
    void production_image_without_settings_refuses_to_start_and_says_what_is_missing() {
        long start = System.nanoTime();
        List<String> run = new ArrayList<>(List.of("run", "--rm"));
        run.addAll(Podman.RUN_FLAGS);
        run.add(image("mitforlob.image"));
        Podman.Result result = Podman.run(Duration.ofSeconds(60), run);

        System.out.printf("production image without settings: exit %d after %d ms%n", result.exitCode(),
                millisSince(start));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Mit Forløb cannot start", "Production mode needs MONGODB_URI",
                "MITFORLOB_ISSUERS", "MITFORLOB_CPR_HMAC_KEY");
    }

    @Test
    void production_image_asked_for_demo_mode_says_it_has_none() {
        List<String> run = new ArrayList<>(List.of("run", "--rm"));
        run.addAll(Podman.RUN_FLAGS);
        run.addAll(List.of("-e", "MITFORLOB_MODE=demo", image("mitforlob.image")));
        Podman.Result result = Podman.run(Duration.ofSeconds(60), run);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("demo mode is not part of this build");
    }

    @Test
    void production_image_serves_real_tokens_from_a_real_store_and_stops_cleanly() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.inMemory()) {
            TestIssuers issuers = TestIssuers.get();
            int port = freePort();
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            String name = start(image("mitforlob.image"), Map.of("SERVER_HOST", "127.0.0.1",
                    "SERVER_PORT", Integer.toString(port), "MONGODB_URI", store.connectionString(),
                    "MITFORLOB_ISSUERS", ServiceProcess.issuersJson(issuers.trusted()),
                    "MITFORLOB_CPR_HMAC_KEY", Base64.getEncoder().encodeToString(TestService.CPR_KEY),
                    "MITFORLOB_PUSH", "log"));
            Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));

            String cpr = Fixtures.newCpr();
            String ref = "REF-IMAGE-" + UUID.randomUUID().toString().substring(0, 8);
            firstCall(() -> api.put("/api/v1/integration/municipalities/851/citizens/" + ref)
                    .bearer(issuers.integration("851")).json(Fixtures.enrollment(cpr, "caseworker-851")).send())
                    .expect(201);
            api.get("/api/v1/me").bearer(issuers.citizen(cpr)).send().expect(200);
            for (String probe : List.of("started", "live", "ready")) {
                // the paths deploy/k8s probes
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/observe/health/" + probe)).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                        .as(probe).isEqualTo(200);
            }
            api.get("/api/v1/me").bearer(issuers.token(TestIssuers.ROGUE, "x", Map.of())).send()
                    .expectProblem(401, "invalid-token");
            printMemory(name);

            long sigterm = System.nanoTime();
            Podman.check(Duration.ofSeconds(30), "kill", "--signal", "TERM", name);
            int exit = awaitExit(name);
            System.out.printf("production image: SIGTERM to exit %d ms (exit code %d)%n", millisSince(sigterm), exit);
            assertThat(exit).isZero();
            assertThat(millisSince(sigterm)).isLessThan(STOP_DEADLINE.toMillis());
            assertThat(Podman.check(Duration.ofSeconds(30), "logs", name)).doesNotContain("demo");
        }
    }

    /** Starts a container with the data directory mounted and waits until it reports ready. */
    private String start(String image, Map<String, String> environment) throws Exception {
        String name = "mitforlob-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", name));
        run.addAll(Podman.RUN_FLAGS);
        run.addAll(List.of("-v", dataDir + ":/data"));
        environment.forEach((key, value) -> run.addAll(List.of("-e", key + "=" + value)));
        run.add(image);
        long start = System.nanoTime();
        Podman.Result started = Podman.run(Duration.ofSeconds(60), run);
        assertThat(started.exitCode()).as(started.output()).isZero();
        containers.add(name);
        int port = Integer.parseInt(environment.get("SERVER_PORT"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (millisSince(start) < READY_DEADLINE.toMillis()) {
            if (!Podman.check(Duration.ofSeconds(30), "inspect", "-f", "{{.State.Running}}", name).strip().equals("true")) {
                fail("The container stopped before it was ready: " + Podman.run(Duration.ofSeconds(30), "logs", name));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("%s: start to ready %d ms%n", image, millisSince(start));
                    return name;
                }
            } catch (IOException notListeningYet) {
                // the JVM is still starting
            }
            Thread.sleep(200);
        }
        return fail("Not ready within " + READY_DEADLINE + ": " + Podman.run(Duration.ofSeconds(30), "logs", name));
    }

    /**
     * The first token makes the service fetch its issuer's keys; on a loaded machine that can pass
     * the 5 s the service allows, and it answers 503 "try again shortly", as a phone would: retry.
     */
    private static ApiResponse firstCall(Supplier<ApiResponse> call) throws InterruptedException {
        return IssuerWarmUp.retryingWhileUnavailable(call);
    }

    private static int awaitExit(String name) {
        Podman.Result waited = Podman.run(STOP_DEADLINE.plusSeconds(20), "wait", name);
        assertThat(waited.exitCode()).as(waited.output()).isZero();
        return Integer.parseInt(waited.output().strip());
    }

    private static void printMemory(String name) {
        Podman.Result stats = Podman.run(Duration.ofSeconds(30), "stats", "--no-stream", "--format", "{{.MemUsage}}", name);
        if (stats.exitCode() == 0) {
            System.out.println(name + " memory in use: " + stats.output().strip());
        }
    }

    private static String image(String property) {
        return "localhost/" + System.getProperty(property);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
