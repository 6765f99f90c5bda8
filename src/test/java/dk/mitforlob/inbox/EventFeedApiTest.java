package dk.mitforlob.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The case system's feed: ordered, and never skipping or repeating an event across pages. */
class EventFeedApiTest {

    private final TestService service = TestService.get();

    private JsonNode page(String municipality, String after, int limit) {
        return service.api().get("/api/v1/integration/municipalities/" + municipality + "/events?limit=" + limit
                        + (after == null ? "" : "&after=" + after))
                .bearer(service.issuers().integration(municipality)).send().expect(200).json();
    }

    /** Reads the feed to its current end from {@code after}; returns the cursor at the end. */
    private String drain(String municipality, String after, List<JsonNode> into) {
        String cursor = after;
        while (true) {
            JsonNode page = page(municipality, cursor, 7);
            page.path("events").forEach(into::add);
            if (page.path("events").isEmpty()) {
                return page.path("cursor").asText();
            }
            cursor = page.path("cursor").asText();
        }
    }

    @Test
    void a_case_system_pulls_what_its_citizens_submitted_with_their_references() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "860");
        String start = drain("860", null, new ArrayList<>());

        service.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Et skridt")).send().expect(201);

        List<JsonNode> events = new ArrayList<>();
        String end = drain("860", start, events);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("plan-step-added");
            assertThat(e.path("externalRef").asText()).isEqualTo(citizen.externalRef());
            assertThat(e.path("citizenId").asText()).isEqualTo(citizen.citizenId());
        });
        assertThat(page("860", end, 10).path("cursor").asText()).isEqualTo(end);
    }

    @Test
    void no_event_is_skipped_or_repeated_while_new_ones_arrive() throws Exception {
        List<TestCitizen> citizens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            citizens.add(Fixtures.citizenWithPlan(service, "461"));
        }
        String start = drain("461", null, new ArrayList<>());
        int perCitizen = 15;
        List<JsonNode> seen = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (TestCitizen citizen : citizens) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < perCitizen; i++) {
                        service.api().post("/api/v1/me/plan/activities/" + citizen.citizenId()
                                        + "-act-placement/comments").bearer(citizen.token())
                                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "kommentar " + i)).send().expect(201);
                    }
                }));
            }
            String cursor = start;
            while (done.stream().anyMatch(f -> !f.isDone())) {
                cursor = drain("461", cursor, seen);
            }
            for (Future<?> f : done) {
                f.get();
            }
            drain("461", cursor, seen);
        } finally {
            writers.shutdownNow();
        }

        List<Long> seqs = seen.stream().map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).hasSize(citizens.size() * perCitizen).doesNotHaveDuplicates().isSorted();
        assertThat(seqs.getLast() - seqs.getFirst()).isEqualTo(seqs.size() - 1);
        assertThat(new HashSet<>(seen.stream().map(e -> e.path("id").asText()).toList())).hasSize(seqs.size());
    }

    @Test
    void another_municipalitys_case_system_gets_403() {
        service.api().get("/api/v1/integration/municipalities/851/events").bearer(service.issuers().integration("101"))
                .send().expectProblem(403, "other-municipality");
    }

    @Test
    void a_caseworker_is_not_a_case_system() {
        service.api().get("/api/v1/integration/municipalities/851/events").bearer(service.issuers().caseworker("851"))
                .send().expectProblem(403, "role-required");
    }

    @Test
    void a_forged_cursor_is_400() {
        service.api().get("/api/v1/integration/municipalities/851/events?after=ZXZlbnRzH3g")
                .bearer(service.issuers().integration("851")).send().expectProblem(400, "invalid-parameter");
    }
}
