package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.ServiceProcess;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestStores;

/**
 * The service process is killed with SIGKILL while citizens are answering a round. After a restart
 * every acknowledged answer is counted; the answers that got no reply, retried with their keys,
 * are counted once; a citizen who tries again with a new key is told they have answered; and the
 * store holds no pending answer (no link between a person and an answer) and no citizen id among
 * the answers. Runs on the embedded store, and on a real MongoDB when MONGODB_URI is set.
 */
class SurveyCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANSWERING = 160;
    private static final int SILENT = 6;
    private static final int SENDERS = 8;

    @TempDir
    Path dataDir;

    private record Sent(int index, String cpr, String key, Map<String, Object> body) {
    }

    @Test
    void a_kill_9_while_citizens_answer_loses_no_answer_counts_none_twice_and_leaves_no_link() throws Exception {
        TestLogging.configure();
        TestIssuers issuers = TestIssuers.get();
        Path log = Path.of("target", "crash-test", "survey-" + UUID.randomUUID() + ".log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        try (ServiceProcess service = ServiceProcess.embedded(dataDir, issuers.trusted(), log).start()) {
            Api api = new Api(service.base());
            SurveyFixtures.awaitKeys(api, issuers);
            List<String> cprs = new ArrayList<>();
            for (int i = 0; i < ANSWERING + SILENT; i++) {
                String cpr = Fixtures.newCpr();
                api.put("/api/v1/integration/municipalities/580/citizens/CRASH-" + UUID.randomUUID())
                        .bearer(issuers.integration("580")).json(Fixtures.enrollment(cpr, "cw")).send().expect(201);
                cprs.add(cpr);
            }
            String questionnaire = SurveyFixtures.publishedQuestionnaire(api, issuers, SurveyFixtures.definition());
            Instant now = Instant.now();
            String roundId = SurveyFixtures.round(api, issuers, questionnaire, List.of("580"),
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7))).path("roundId").asText();

            List<Sent> all = new ArrayList<>();
            for (int i = 0; i < ANSWERING; i++) {
                // varied answers: a figure that everyone gave alike would be hidden, and with it the totals read here
                List<Map<String, Object>> answers = new ArrayList<>(List.of(SurveyFixtures.answer("overall", 1 + i % 4),
                        SurveyFixtures.answer("mentor", i % 3 == 0 ? "yes" : "no"),
                        SurveyFixtures.answer("comment", "Svar nummer " + i)));
                if (i % 3 == 0) {
                    answers.add(SurveyFixtures.answer("mentor-helped", 1 + i % 5));
                }
                all.add(new Sent(i, cprs.get(i), UUID.randomUUID().toString(), Map.of("answers", answers)));
            }
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
            CountDownLatch enough = new CountDownLatch(50);
            AtomicInteger next = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ANSWERING; i = next.getAndIncrement()) {
                        Sent sent = all.get(i);
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.base()
                                            .resolve("/api/v1/me/surveys/" + roundId + "/response"))
                                    .header("Authorization", "Bearer " + issuers.citizen(sent.cpr()))
                                    .header("Idempotency-Key", sent.key()).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(sent.body())))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.add(i);
                                enough.countDown();
                            } else {
                                unanswered.add(i);
                            }
                        } catch (Exception e) {
                            unanswered.add(i);
                        }
                    }
                    return null;
                });
            }
            enough.await();
            service.kill();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            for (int i = next.get(); i < ANSWERING; i++) {
                unanswered.add(i);
            }

            service.start();
            SurveyFixtures.awaitKeys(api, issuers);
            long counted = answered(api, issuers, roundId);
            assertThat(counted).as("every acknowledged answer survived the kill").isGreaterThanOrEqualTo(acknowledged.size());

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            for (int i : unanswered) {
                Sent sent = all.get(i);
                while (true) {
                    var response = api.post("/api/v1/me/surveys/" + roundId + "/response")
                            .bearer(issuers.citizen(sent.cpr())).idempotencyKey(sent.key()).json(sent.body()).send();
                    if (response.status() != 409 || System.nanoTime() > deadline) {
                        response.expect(201);
                        break;
                    }
                    // the killed process's claim on the key holds until its lease runs out
                    Thread.sleep(1000);
                }
            }
            api.post("/api/v1/me/surveys/" + roundId + "/response").bearer(issuers.citizen(cprs.get(0)))
                    .idempotencyKey(UUID.randomUUID().toString()).json(all.get(0).body()).send()
                    .expectProblem(409, "already-answered");
            JsonNode total = results(api, issuers, roundId).path("total");
            System.out.printf("SurveyCrashTest: %d acknowledged before the kill, %d counted after the restart, "
                    + "%d unanswered and retried%n", acknowledged.size(), counted, unanswered.size());
            assertThat(total.path("answered").asLong()).as("every citizen exactly once").isEqualTo(ANSWERING);
            assertThat(total.path("invited").asLong()).isEqualTo(ANSWERING + SILENT);
            assertThat(total.path("items").get(0).path("distribution")).extracting(v -> v.path("count").asLong())
                    .containsExactly(40L, 40L, 40L, 40L, 0L);

            service.close();
            assertNothingLinksAPersonToAnAnswer(service, roundId);
        }
    }

    /** The round's total answers; a round whose opener was killed answers 503 until its lease runs out. */
    private static long answered(Api api, TestIssuers issuers, String roundId) throws InterruptedException {
        return results(api, issuers, roundId).path("total").path("answered").asLong();
    }

    private static JsonNode results(Api api, TestIssuers issuers, String roundId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            var response = api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/results")
                    .bearer(issuers.evaluator()).send();
            if (response.status() != 503 || System.nanoTime() > deadline) {
                return response.expect(200).json();
            }
            Thread.sleep(2000);
        }
    }

    /** Looks in the stopped service's own store. */
    private void assertNothingLinksAPersonToAnAnswer(ServiceProcess service, String roundId) throws Exception {
        MongoStore store = TestStores.externalMongo()
                ? MongoStore.connect(System.getenv("MONGODB_URI"), service.database())
                : MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob");
        try (store) {
            assertThat(store.collection("survey_participation").countDocuments(new Document("roundId", roundId)
                    .append("state", "answered"))).isEqualTo(ANSWERING);
            assertThat(store.collection("survey_participation").countDocuments(new Document("pending",
                    new Document("$exists", true)))).as("pending answers left").isZero();
            List<String> citizenIds = new ArrayList<>();
            store.collection("survey_participation").find(new Document("roundId", roundId))
                    .forEach(doc -> citizenIds.add(doc.getString("citizenId")));
            List<String> answerIds = Collections.synchronizedList(new ArrayList<>());
            for (Document bucket : store.collection("survey_answers").find(new Document("roundId", roundId))) {
                String json = bucket.toJson();
                citizenIds.forEach(id -> assertThat(json).doesNotContain(id));
                bucket.getList("answers", Document.class).forEach(a -> answerIds.add(a.getString("id")));
            }
            assertThat(answerIds).hasSize(ANSWERING).doesNotHaveDuplicates();
            assertThat(store.collection("survey_free_texts").countDocuments(new Document("roundId", roundId)))
                    .isEqualTo(ANSWERING);
        }
    }
}
