package dk.mitforlob.survey;

import static dk.mitforlob.survey.SurveyFixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * The evaluators' view of a round, on a service of its own with a known population. Invited and
 * answering: Sønderborg (540) 20 invited, 15 answer (overall 3, 4 and 5 five times each; 5 with a
 * mentor who helped 4); Tønder (550) 12 invited, 6 answer, all overall 4; Esbjerg (561) 8 invited,
 * 2 answer; Fanø (563) 3 invited, none answer. Sønderborg's citizens are in ressourceforløb, the
 * others on aktivitetsparat kontanthjælp.
 */
class SurveyResultsApiTest {

    private static final TestIssuers ISSUERS = TestIssuers.get();
    private static final TestClock CLOCK = new TestClock();
    private static TestStores.OwnStore store;
    private static Application application;
    private static Api api;
    private static String roundId;

    @BeforeAll
    static void aRoundWithAKnownPopulation() {
        TestLogging.configure();
        store = TestStores.ownStore();
        application = Application.start(TestService.settings(store.target(), ISSUERS.trusted()), CLOCK);
        api = new Api(URI.create("http://127.0.0.1:" + application.port() + "/"));
        CLOCK.set(Instant.parse("2026-11-02T08:00:00Z"));
        SurveyFixtures.awaitKeys(api, ISSUERS);
        Map<String, List<String>> cprs = new LinkedHashMap<>();
        cprs.put("540", enroll("540", 20, "resource-programme"));
        cprs.put("550", enroll("550", 12, "activity-ready-cash-benefit"));
        cprs.put("561", enroll("561", 8, "activity-ready-cash-benefit"));
        cprs.put("563", enroll("563", 3, "activity-ready-cash-benefit"));
        String questionnaire = SurveyFixtures.publishedQuestionnaire(api, ISSUERS, SurveyFixtures.definition());
        CLOCK.set(Instant.parse("2026-11-02T09:00:00Z"));
        roundId = SurveyFixtures.round(api, ISSUERS, questionnaire, List.of("540", "550", "561", "563"),
                Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-30T22:00:00Z")).path("roundId").asText();
        CLOCK.set(Instant.parse("2026-11-03T12:00:00Z"));
        for (int i = 0; i < 15; i++) {
            boolean mentor = i % 3 == 0;
            List<Map<String, Object>> answers = new ArrayList<>(List.of(answer("overall", 3 + i % 3),
                    answer("mentor", mentor ? "yes" : "no"), answer("comment", "Kommentar nummer " + i)));
            if (mentor) {
                answers.add(answer("mentor-helped", 4));
            }
            respond(cprs.get("540").get(i), Map.of("answers", answers));
        }
        for (int i = 0; i < 6; i++) {
            respond(cprs.get("550").get(i), SurveyFixtures.response(4, "no", null));
        }
        for (int i = 0; i < 2; i++) {
            respond(cprs.get("561").get(i), SurveyFixtures.response(1, "no", null));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        application.close();
        store.close();
    }

    private static List<String> enroll(String municipality, int count, String programme) {
        List<String> cprs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = new LinkedHashMap<>(Fixtures.enrollment(Fixtures.newCpr(), "cw"));
            body.put("programme", programme);
            api.put("/api/v1/integration/municipalities/" + municipality + "/citizens/RES-" + UUID.randomUUID())
                    .bearer(ISSUERS.integration(municipality)).json(body).send().expect(201);
            cprs.add((String) body.get("cpr"));
        }
        return cprs;
    }

    private static void respond(String cpr, Map<String, Object> body) {
        api.post("/api/v1/me/surveys/" + roundId + "/response").bearer(ISSUERS.citizen(cpr))
                .idempotencyKey(UUID.randomUUID().toString()).json(body).send().expect(201);
    }

    private static JsonNode results(String groupBy) {
        return api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/results?groupBy=" + groupBy)
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
    }

    private static JsonNode group(JsonNode results, String code) {
        for (JsonNode group : results.path("groups")) {
            if (group.path("group").asText().equals(code)) {
                return group;
            }
        }
        throw new AssertionError("no group " + code + " in " + results);
    }

    private static JsonNode item(JsonNode row, String itemId) {
        for (JsonNode item : row.path("items")) {
            if (item.path("itemId").asText().equals(itemId)) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId);
    }

    @Test
    void every_shown_figure_is_the_true_one_and_every_hidden_one_is_named() {
        JsonNode soenderborg = group(results("municipality"), "540");
        JsonNode overall = item(soenderborg, "overall");
        List<Long> truth = List.of(0L, 0L, 5L, 5L, 5L);

        assertThat(soenderborg.path("name").asText()).isEqualTo("Sønderborg");
        assertThat(soenderborg.path("invited").asLong()).isEqualTo(20);
        if (soenderborg.has("answered")) {
            assertThat(soenderborg.path("answered").asLong()).isEqualTo(15);
        }
        for (int v = 0; v < 5; v++) {
            JsonNode value = overall.path("distribution").get(v);
            if (value.has("count")) {
                assertThat(value.path("count").asLong()).isEqualTo(truth.get(v));
            } else {
                assertThat(overall.path("suppressed")).extracting(JsonNode::asText)
                        .contains("distribution." + value.path("value").asText());
            }
        }
        if (overall.has("mean")) {
            assertThat(overall.path("mean").decimalValue()).isEqualByComparingTo("4");
            assertThat(overall.path("median").decimalValue()).isEqualByComparingTo("4");
        }
        assertThat(soenderborg.toString()).doesNotContain("Kommentar nummer");
    }

    @Test
    void small_and_revealing_figures_are_hidden_and_named() {
        JsonNode byMunicipality = results("municipality");

        JsonNode toender = group(byMunicipality, "550");
        assertThat(item(toender, "overall").path("suppressed")).extracting(JsonNode::asText)
                .as("all six chose 4: that says what each of them answered").contains("distribution.4", "mean", "median");
        JsonNode esbjerg = group(byMunicipality, "561");
        assertThat(esbjerg.has("answered")).isFalse();
        assertThat(esbjerg.path("suppressed")).extracting(JsonNode::asText).contains("answered", "responseRate");
        assertThat(item(esbjerg, "overall").has("answers")).isFalse();
        JsonNode fanoe = group(byMunicipality, "563");
        assertThat(fanoe.has("invited")).isFalse();
        assertThat(byMunicipality.path("threshold").asLong()).isEqualTo(5);
    }

    @Test
    void no_hidden_count_follows_from_the_totals_or_the_other_grouping() {
        JsonNode byMunicipality = results("municipality");
        JsonNode byProgramme = results("programme");

        for (JsonNode table : List.of(byMunicipality, byProgramme)) {
            for (String figure : List.of("invited", "answered")) {
                long hidden = 0;
                long shown = 0;
                for (JsonNode group : table.path("groups")) {
                    if (group.has(figure)) {
                        shown += group.path(figure).asLong();
                    } else {
                        hidden++;
                    }
                }
                if (hidden == 1) {
                    assertThat(table.path("total").has(figure)).as("a lone hidden %s with its total", figure).isFalse();
                }
                if (hidden > 0 && table.path("total").has(figure)) {
                    assertThat(table.path("total").path(figure).asLong() - shown).isGreaterThanOrEqualTo(5);
                }
            }
        }
        JsonNode resource = group(byProgramme, "resource-programme");
        assertThat(resource.path("invited").asLong()).isEqualTo(20);
    }

    @Test
    void the_csv_is_for_danish_excel_and_leaves_hidden_cells_empty() {
        var response = api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/results.csv?groupBy=municipality")
                .bearer(ISSUERS.evaluator()).send().expect(200);
        byte[] bytes = response.bodyText().getBytes(StandardCharsets.UTF_8);
        String csv = response.bodyText().substring(1);
        List<String> lines = csv.lines().toList();

        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.bodyText()).contains("\r\n");
        assertThat(lines.getFirst()).isEqualTo(String.join(";", ResultsCsv.COLUMNS));
        assertThat(lines).contains(roundId + ";municipality;540;Sønderborg;;;;;invited;20;");
        assertThat(lines).contains(roundId + ";municipality;561;Esbjerg;;;;;answered;;1");
        assertThat(lines).contains(roundId + ";municipality;total;I alt;;;;;invited;43;");
        assertThat(lines).filteredOn(line -> line.endsWith(";1")).allMatch(line -> line.endsWith(";;1"));
        assertThat(lines).filteredOn(line -> line.contains(";mean;") && !line.endsWith(";1") && !line.endsWith(";;"))
                .allMatch(line -> line.matches(".*;mean;\\d+,\\d{2};"));
        assertThat(lines).allMatch(line -> line.split(";", -1).length == ResultsCsv.COLUMNS.size());
    }

    @Test
    void reading_results_is_audit_logged() {
        results("programme");

        long entries = store.store().collection("audit_log").countDocuments(new Document("resource",
                "survey-results/" + roundId).append("actor.role", "evaluator").append("action", "read"));
        assertThat(entries).isGreaterThanOrEqualTo(1);
    }

    @Test
    void free_texts_come_shuffled_and_bare_once_there_are_enough_answers() {
        JsonNode page = api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/free-texts?itemId=comment&limit=10")
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
        JsonNode rest = api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/free-texts?itemId=comment&cursor="
                + page.path("nextCursor").asText()).bearer(ISSUERS.evaluator()).send().expect(200).json();

        List<String> texts = new ArrayList<>();
        page.path("texts").forEach(t -> texts.add(t.asText()));
        rest.path("texts").forEach(t -> texts.add(t.asText()));
        assertThat(texts).hasSize(15).allMatch(t -> t.startsWith("Kommentar nummer "));
        assertThat(texts).as("not in the order they were given").isNotEqualTo(texts.stream().sorted(
                java.util.Comparator.comparingInt(t -> Integer.parseInt(t.substring(17)))).toList());
        api.get("/api/v1/evaluation/survey-rounds/" + roundId + "/free-texts?itemId=overall")
                .bearer(ISSUERS.evaluator()).send().expectProblem(400, "invalid-parameter");
    }

    @Test
    void a_round_that_has_not_opened_has_no_figures_and_no_free_texts() {
        String questionnaire = SurveyFixtures.publishedQuestionnaire(api, ISSUERS, SurveyFixtures.definition());
        String later = SurveyFixtures.round(api, ISSUERS, questionnaire, List.of("540"),
                CLOCK.instant().plus(Duration.ofDays(1)), CLOCK.instant().plus(Duration.ofDays(10))).path("roundId").asText();

        JsonNode results = api.get("/api/v1/evaluation/survey-rounds/" + later + "/results")
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
        api.get("/api/v1/evaluation/survey-rounds/" + later + "/free-texts?itemId=comment")
                .bearer(ISSUERS.evaluator()).send().expectProblem(409, "too-few-answers");

        assertThat(results.path("groups")).isEmpty();
        assertThat(results.path("total").path("answered").asLong()).isZero();
        assertThat(api.get("/api/v1/evaluation/survey-rounds").bearer(ISSUERS.evaluator()).send().expect(200).json()
                .path("items")).hasSizeGreaterThanOrEqualTo(2);
    }
}
