package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.ServiceProcess;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;

/**
 * The service process is killed with SIGKILL while phones are registering hours. Everything it
 * acknowledged is there after a restart, and the requests that got no answer, retried with their
 * keys, end up registered exactly once. Runs on the embedded store, and on a real MongoDB when
 * MONGODB_URI is set.
 */
class HoursCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CITIZENS = 5;
    private static final int SENDERS = 12;

    @TempDir
    Path dataDir;

    private record Sent(String cpr, String key, Map<String, Object> body, BigDecimal hours) {
    }

    @Test
    void a_kill_9_in_the_middle_of_a_run_loses_nothing_that_was_acknowledged() throws Exception {
        TestLogging.configure();
        TestIssuers issuers = TestIssuers.get();
        Path log = Path.of("target", "crash-test", "service-" + UUID.randomUUID() + ".log");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        try (ServiceProcess service = ServiceProcess.embedded(dataDir, issuers.trusted(), log).start()) {
            Api api = new Api(service.base());
            List<String> cprs = new ArrayList<>();
            for (int c = 0; c < CITIZENS; c++) {
                String cpr = Fixtures.newCpr();
                api.put("/api/v1/integration/municipalities/851/citizens/CRASH-" + UUID.randomUUID())
                        .bearer(issuers.integration("851")).json(Fixtures.enrollment(cpr, "cw")).send().expect(201);
                cprs.add(cpr);
            }

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            Map<String, Sent> unanswered = new ConcurrentHashMap<>();
            List<Sent> all = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch enoughAcknowledged = new CountDownLatch(300);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                senders.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String cpr = cprs.get((sender + i) % CITIZENS);
                        Map<String, Object> body = MyHoursApiTest.hours(today.minusDays((sender * 7L + i) % 80), 0.25);
                        Sent sent = new Sent(cpr, UUID.randomUUID().toString(), body, new BigDecimal("0.25"));
                        all.add(sent);
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.base()
                                            .resolve("/api/v1/me/hours"))
                                    .header("Authorization", "Bearer " + issuers.citizen(cpr))
                                    .header("Idempotency-Key", sent.key()).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.put(sent.key(), JSON.readTree(response.body()).path("id").asText());
                                enoughAcknowledged.countDown();
                            } else {
                                unanswered.put(sent.key(), sent);
                            }
                        } catch (Exception e) {
                            unanswered.put(sent.key(), sent);
                        }
                    }
                    return null;
                });
            }
            enoughAcknowledged.await();
            service.kill();
            running.set(false);
            senders.shutdown();
            senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);

            service.start();

            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                Sent sent = all.stream().filter(s -> s.key().equals(ack.getKey())).findFirst().orElseThrow();
                JsonNode stored = api.get("/api/v1/me/hours/" + ack.getValue()).bearer(issuers.citizen(sent.cpr()))
                        .send().expect(200).json();
                assertThat(stored.path("hours").decimalValue()).isEqualByComparingTo(sent.hours());
            }
            // as a phone does: retry with the same key; a claim of the killed process holds until its lease runs out
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            for (Sent sent : unanswered.values()) {
                while (true) {
                    var response = api.post("/api/v1/me/hours").bearer(issuers.citizen(sent.cpr()))
                            .idempotencyKey(sent.key()).json(sent.body()).send();
                    if (response.status() != 409 || System.nanoTime() > deadline) {
                        response.expect(201);
                        break;
                    }
                    Thread.sleep(1000);
                }
            }
            BigDecimal expected = BigDecimal.ZERO;
            BigDecimal total = BigDecimal.ZERO;
            for (Sent sent : all) {
                expected = expected.add(sent.hours());
            }
            for (String cpr : cprs) {
                total = total.add(api.get("/api/v1/me/hours/summary?from=" + today.minusDays(90))
                        .bearer(issuers.citizen(cpr)).send().expect(200).json().path("totalHours").decimalValue());
            }
            System.out.printf("HoursCrashTest: %d acknowledged before the kill, %d unanswered and retried, total %s h%n",
                    acknowledged.size(), unanswered.size(), total);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(total).as("every registration exactly once").isEqualByComparingTo(expected);
        }
    }
}
