package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dk.mitforlob.evaluation.MongoEnrollments;
import dk.mitforlob.hours.HoursRepository;
import dk.mitforlob.hours.MongoMonthlyHours;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.IssuerWarmUp;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;
import dk.mitforlob.wishes.MongoWishesRollup;

/**
 * The start-up migration on data written by the version before it (src/test/resources/migration):
 * after it, the same registrations, totals, plan versions and wishes versions are there in the new
 * shape, the evaluators' roll-ups hold them, and running it again — also after a crash half way —
 * changes nothing.
 */
class StorageMigrationTest {

    private static final String ANNA = "g0mgxgv1kvs7g09cva3n";
    private static final String BO = "73z7exvxgx8gh3zrsp96";
    private static final TestIssuers ISSUERS = TestIssuers.get();

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final MongoStore store = own.store();
    private final TestClock clock = new TestClock();
    private final Map<String, List<Document>> firstShape = load();
    private Application application;

    @AfterEach
    void close() throws Exception {
        if (application != null) {
            application.close();
        }
        own.close();
    }

    private static Map<String, List<Document>> load() {
        Map<String, List<Document>> byCollection = new HashMap<>();
        try (InputStream in = StorageMigrationTest.class.getResourceAsStream("/migration/first-shape.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Document entry = Document.parse(line);
                    byCollection.computeIfAbsent(entry.getString("collection"), c -> new ArrayList<>())
                            .add(entry.get("document", Document.class));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return byCollection;
    }

    private Api start() {
        TestLogging.configure();
        clock.set(Instant.parse("2026-11-29T20:00:00Z"));
        application = Application.start(TestService.settings(own.target(), ISSUERS.trusted()), clock);
        Api api = new Api(URI.create("http://127.0.0.1:" + application.port() + "/"));
        IssuerWarmUp.await(api.base(), ISSUERS);
        return api;
    }

    private void restart() {
        application.close();
        application = null;
    }

    /** What the first shape says a citizen had counted from September: active registrations by their last revision. */
    private BigDecimal firstShapeHours(String citizenId) {
        Document ledger = firstShape.get("hours").stream().filter(d -> d.get("_id").equals(citizenId)).findFirst()
                .orElseThrow();
        long quarters = ledger.getList("registrations", Document.class).stream()
                .filter(r -> r.getString("status").equals("active"))
                .map(r -> r.get("current", Document.class))
                .filter(c -> c.getString("date").compareTo("2026-09-01") >= 0)
                .mapToLong(c -> c.get("quarters", Number.class).longValue()).sum();
        return BigDecimal.valueOf(quarters).divide(BigDecimal.valueOf(4));
    }

    private JsonNode caseworkerHours(Api api, String municipality, String citizenId) {
        return api.get("/api/v1/municipalities/" + municipality + "/citizens/" + citizenId
                        + "/hours?from=2026-09-01&to=2026-11-29&limit=200")
                .bearer(ISSUERS.caseworker(municipality)).send().expect(200).json();
    }

    private void assertMigrated(Api api) {
        for (String[] citizen : List.of(new String[] {"851", ANNA}, new String[] {"101", BO})) {
            JsonNode hours = caseworkerHours(api, citizen[0], citizen[1]);
            Document ledger = firstShape.get("hours").stream().filter(d -> d.get("_id").equals(citizen[1]))
                    .findFirst().orElseThrow();
            assertThat(hours.path("items")).hasSize(ledger.getList("registrations", Document.class).size());
            assertThat(hours.path("summary").path("totalHours").decimalValue())
                    .isEqualByComparingTo(firstShapeHours(citizen[1]));
            JsonNode wishes = api.get("/api/v1/municipalities/" + citizen[0] + "/citizens/" + citizen[1] + "/wishes")
                    .bearer(ISSUERS.caseworker(citizen[0])).send().expect(200).json();
            assertThat(wishes.path("history")).hasSize(2);
        }
        JsonNode corrected = caseworkerHours(api, "851", ANNA).path("items").findParents("id").stream()
                .filter(i -> i.path("id").asText().equals("demo-anna-sat-0")).findFirst().orElseThrow();
        assertThat(corrected.path("date").asText()).isEqualTo("2026-10-31");
        assertThat(corrected.path("revisions")).hasSize(3);

        assertThat(store.collection("hours").countDocuments()).as("every ledger moved").isZero();
        assertThat(store.collection("hours_placements").countDocuments()).isEqualTo(23);
        assertThat(store.collection("plan_versions").countDocuments(Filters.eq("citizenId", ANNA))).isEqualTo(5);
        assertThat(store.collection("plans").countDocuments(Filters.exists("history"))).isZero();
        assertThat(store.collection("wishes_versions").countDocuments()).isEqualTo(4);
        assertThat(store.collection("wishes").countDocuments(Filters.exists("history"))).isZero();

        Map<String, Long> rolledUp = new HashMap<>();
        new MongoMonthlyHours(store).between(YearMonth.of(2026, 9), YearMonth.of(2026, 11))
                .forEach(m -> rolledUp.merge(m.citizenId(), m.quarters(), Long::sum));
        assertThat(BigDecimal.valueOf(rolledUp.get(ANNA)).divide(BigDecimal.valueOf(4)))
                .isEqualByComparingTo(firstShapeHours(ANNA));
        assertThat(BigDecimal.valueOf(rolledUp.get(BO)).divide(BigDecimal.valueOf(4)))
                .isEqualByComparingTo(firstShapeHours(BO));
        assertThat(new MongoEnrollments(store).all()).extracting(e -> e.citizenId()).containsExactlyInAnyOrder(ANNA, BO);
        assertThat(new MongoWishesRollup(store).all()).extracting(t -> t.citizenId()).containsExactlyInAnyOrder(ANNA, BO);
    }

    private void loadFirstShape() {
        firstShape.forEach((collection, documents) -> store.collection(collection).insertMany(documents));
    }

    @Test
    void data_of_the_first_shape_reads_the_same_after_the_migration() {
        loadFirstShape();

        assertMigrated(start());
    }

    @Test
    void input_a_ledger_had_not_yet_delivered_reaches_the_inbox() {
        loadFirstShape();
        Document leftover = new Document("_id", "hours-left-behind").append("municipality", "851")
                .append("citizenId", ANNA).append("type", "hours-registered")
                .append("occurredAt", java.util.Date.from(Instant.parse("2026-11-28T10:00:00Z")))
                .append("summary", "Registrerede 1 timer").append("details", new Document()).append("read", false);
        store.collection("hours").updateOne(Filters.eq("_id", ANNA), Updates.combine(
                Updates.push("outbox", leftover), Updates.set("outboxPending", true)));

        Api api = start();

        JsonNode inbox = api.get("/api/v1/municipalities/851/inbox?limit=100").bearer(ISSUERS.caseworker("851"))
                .send().expect(200).json();
        assertThat(inbox.path("items")).extracting(i -> i.path("id").asText()).contains("hours-left-behind");
    }

    @Test
    void running_it_again_even_after_a_crash_half_way_changes_nothing() {
        loadFirstShape();
        start();
        restart();
        // a crash after Bo's months were written but before his ledger was deleted, and no record of being done
        store.collection("hours").insertOne(firstShape.get("hours").stream().filter(d -> d.get("_id").equals(BO))
                .findFirst().orElseThrow());
        store.collection("migrations").deleteOne(Filters.eq("_id", Features.STORAGE_MIGRATION));
        List<Document> monthsBefore = store.collection("hours_months").find().into(new ArrayList<>());

        Api api = start();

        assertMigrated(api);
        assertThat(store.collection("hours_months").find().into(new ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(monthsBefore);
        HoursRepository.CitizenMonth any = new MongoMonthlyHours(store).between(YearMonth.of(2026, 9),
                YearMonth.of(2026, 11)).getFirst();
        assertThat(any.quarters()).isPositive();
    }
}
