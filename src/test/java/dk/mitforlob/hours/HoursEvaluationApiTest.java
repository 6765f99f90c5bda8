package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * The evaluators' view of paid hours. The figures count every citizen in the store, so this test
 * runs a service of its own on an empty store, with a clock it sets, and knows every figure.
 *
 * <p>The population, all enrolled in November 2026, hours of 2 each on 10 November: København
 * (101) 20 citizens, 9 with hours; Lemvig (665) 12, 6 with hours; Struer (671) 8, 2 with hours;
 * Morsø (773) 6, all 6 with hours.
 */
class HoursEvaluationApiTest {

    private static final TestIssuers ISSUERS = TestIssuers.get();
    private static final TestClock CLOCK = new TestClock();
    private static TestStores.OwnStore store;
    private static Application application;
    private static Api api;

    @BeforeAll
    static void aServiceOfItsOwnWithAKnownPopulation() {
        TestLogging.configure();
        store = TestStores.ownStore();
        application = Application.start(TestService.settings(store.target(), ISSUERS.trusted()), CLOCK);
        api = new Api(URI.create("http://127.0.0.1:" + application.port() + "/"));
        CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        municipality("101", 20, 9);
        municipality("665", 12, 6);
        municipality("671", 8, 2);
        municipality("773", 6, 6);
        CLOCK.set(Instant.parse("2027-01-05T12:00:00Z"));
    }

    @AfterAll
    static void stop() throws Exception {
        application.close();
        store.close();
    }

    private static void municipality(String code, int size, int withHours) {
        for (int i = 0; i < size; i++) {
            String cpr = Fixtures.newCpr();
            api.put("/api/v1/integration/municipalities/" + code + "/citizens/EVAL-" + UUID.randomUUID())
                    .bearer(ISSUERS.integration(code)).json(Fixtures.enrollment(cpr, "cw")).send().expect(201);
            if (i < withHours) {
                api.post("/api/v1/me/hours").bearer(ISSUERS.citizen(cpr)).idempotencyKey(UUID.randomUUID().toString())
                        .json(MyHoursApiTest.hours(LocalDate.of(2026, 11, 10), 2)).send().expect(201);
            }
        }
    }

    private static JsonNode outcome(String groupBy) {
        return api.get("/api/v1/evaluation/paid-hours?from=2026-11-01&to=2026-11-30&groupBy=" + groupBy)
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
    }

    @Test
    void figures_are_exact_where_enough_citizens_stand_behind_them() {
        JsonNode copenhagen = group(outcome("municipality"), "101");

        assertThat(copenhagen.path("citizensInProgramme").asLong()).isEqualTo(20);
        assertThat(copenhagen.path("citizensWithHours").asLong()).isEqualTo(9);
        assertThat(copenhagen.path("shareWithHours").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(copenhagen.path("totalHours").decimalValue()).isEqualByComparingTo("18");
        assertThat(copenhagen.path("medianHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(copenhagen.path("suppressed")).isEmpty();
    }

    @Test
    void two_citizens_with_hours_are_hidden_and_take_the_smallest_other_figures_with_them() {
        JsonNode result = outcome("municipality");

        JsonNode struer = group(result, "671");
        assertThat(struer.path("citizensInProgramme").asLong()).isEqualTo(8);
        assertThat(struer.has("citizensWithHours")).isFalse();
        assertThat(struer.has("totalHours")).isFalse();
        assertThat(struer.has("medianHours")).isFalse();
        assertThat(struer.path("suppressed")).extracting(JsonNode::asText)
                .contains("citizensWithHours", "shareWithHours", "totalHours", "medianHours");
        JsonNode lemvig = group(result, "665");
        assertThat(lemvig.has("citizensWithHours")).as("hidden with them, so the total gives nothing away").isFalse();
        assertThat(lemvig.has("totalHours")).isFalse();
        assertThat(lemvig.path("citizensInProgramme").asLong()).isEqualTo(12);
    }

    @Test
    void a_group_where_everyone_had_hours_does_not_say_so() {
        JsonNode morsoe = group(outcome("municipality"), "773");

        assertThat(morsoe.has("citizensWithHours")).isFalse();
        assertThat(morsoe.has("shareWithHours")).isFalse();
        assertThat(morsoe.path("totalHours").decimalValue()).as("still rests on six citizens")
                .isEqualByComparingTo("12");
    }

    @Test
    void no_hidden_figure_can_be_recovered_from_the_shown_ones_and_the_total() {
        JsonNode result = outcome("municipality");

        for (String figure : List.of("citizensInProgramme", "citizensWithHours", "totalHours")) {
            List<JsonNode> hidden = new ArrayList<>();
            double shown = 0;
            for (JsonNode group : result.path("groups")) {
                if (group.has(figure)) {
                    shown += group.path(figure).asDouble();
                } else {
                    hidden.add(group);
                }
            }
            if (hidden.size() == 1) {
                assertThat(result.path("total").has(figure)).as("a lone hidden %s with its total shown", figure)
                        .isFalse();
            }
            if (!hidden.isEmpty() && result.path("total").has(figure)) {
                double recoverable = result.path("total").path(figure).asDouble() - shown;
                double threshold = figure.equals("citizensInProgramme") ? SmallCells.THRESHOLD : 1;
                assertThat(recoverable).as("what the hidden %s cells add up to", figure).isGreaterThanOrEqualTo(threshold);
            }
        }
    }

    @Test
    void by_month_and_by_programme() {
        JsonNode byMonth = api.get("/api/v1/evaluation/paid-hours?from=2026-10-01&to=2026-12-31&groupBy=month")
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
        JsonNode byProgramme = outcome("programme");

        assertThat(byMonth.path("groups")).extracting(g -> g.path("group").asText())
                .containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(byMonth.path("groups").get(0).path("citizensInProgramme").asLong()).as("none enrolled yet").isZero();
        assertThat(byMonth.path("groups").get(1).path("citizensInProgramme").asLong()).isEqualTo(46);
        assertThat(byMonth.path("groups").get(1).path("citizensWithHours").asLong()).isEqualTo(23);
        assertThat(byMonth.path("groups").get(1).path("totalHours").decimalValue()).isEqualByComparingTo("46");
        assertThat(byMonth.path("total").path("totalHours").decimalValue()).as("the quarter").isEqualByComparingTo("46");
        assertThat(group(byProgramme, "resource-programme").path("citizensInProgramme").asLong()).isEqualTo(46);
    }

    @Test
    void a_figure_hidden_in_a_month_is_hidden_in_its_quarter_and_year_when_the_other_months_would_give_it_away() {
        // Struer's 2 citizens with hours all worked in November: the quarter and the year would show November's figure
        for (String period : List.of("from=2026-11-01&to=2026-11-30", "from=2026-10-01&to=2026-12-31",
                "from=2026-01-01&to=2026-12-31")) {
            JsonNode struer = group(api.get("/api/v1/evaluation/paid-hours?" + period + "&groupBy=municipality")
                    .bearer(ISSUERS.evaluator()).send().expect(200).json(), "671");
            assertThat(struer.has("citizensWithHours")).as(period).isFalse();
            assertThat(struer.has("totalHours")).as(period).isFalse();
        }
    }

    @Test
    void a_period_without_citizens_in_the_programme_is_an_answer_with_no_groups() {
        for (String groupBy : List.of("municipality", "programme")) {
            JsonNode empty = api.get("/api/v1/evaluation/paid-hours?from=2026-10-01&to=2026-10-31&groupBy=" + groupBy)
                    .bearer(ISSUERS.evaluator()).send().expect(200).json();

            assertThat(empty.path("groups")).isEmpty();
            assertThat(empty.path("total").path("citizensInProgramme").asLong()).isZero();
        }
        JsonNode byMonth = api.get("/api/v1/evaluation/paid-hours?from=2026-10-01&to=2026-10-31&groupBy=month")
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
        assertThat(byMonth.path("groups")).hasSize(1);
        assertThat(byMonth.path("groups").get(0).path("citizensInProgramme").asLong()).isZero();
    }

    @Test
    void the_period_is_one_month_quarter_or_year_that_has_ended() {
        Map<String, String> refused = Map.of(
                "from=2026-11-02&to=2026-11-30", "from",
                "from=2026-11-01&to=2026-11-29", "to",
                "from=2026-10-01&to=2026-11-30", "to",
                "from=2026-11-01&to=2027-01-31", "to",
                "from=2026-07-01&to=2026-12-31", "to",
                "from=2027-01-01&to=2027-01-31", "to",
                "from=2026-11-01", "to",
                "from=2026-12-01&to=2026-11-30", "to");
        refused.forEach((period, field) -> {
            var response = api.get("/api/v1/evaluation/paid-hours?" + period + "&groupBy=month")
                    .bearer(ISSUERS.evaluator()).invalid().send().expectProblem(400, "invalid-parameter");
            assertThat(response.json().path("errors").get(0).path("field").asText()).as(period).isEqualTo(field);
        });
        api.get("/api/v1/evaluation/paid-hours?from=2026-11-01&to=2026-11-30&groupBy=person")
                .bearer(ISSUERS.evaluator()).invalid().send().expectProblem(400, "invalid-parameter");
        for (String period : List.of("from=2026-12-01&to=2026-12-31", "from=2026-10-01&to=2026-12-31",
                "from=2026-01-01&to=2026-12-31")) {
            api.get("/api/v1/evaluation/paid-hours?" + period + "&groupBy=month").bearer(ISSUERS.evaluator())
                    .send().expect(200);
        }
    }

    @Test
    void a_period_before_anyone_was_enrolled_has_no_groups_and_shows_zero() {
        for (String groupBy : List.of("municipality", "programme")) {
            JsonNode empty = api.get("/api/v1/evaluation/paid-hours?from=2025-01-01&to=2025-01-31&groupBy=" + groupBy)
                    .bearer(ISSUERS.evaluator()).send().expect(200).json();

            assertThat(empty.path("groups").size()).isZero();
            assertThat(empty.path("total").path("citizensInProgramme").asLong()).isZero();
        }
    }

    @Test
    void only_evaluators_see_the_figures() {
        String query = "/api/v1/evaluation/paid-hours?from=2026-11-01&to=2026-11-30&groupBy=month";
        api.get(query).bearer(ISSUERS.caseworker("851")).send().expectProblem(403, "role-required");
        api.get(query).bearer(ISSUERS.citizen(Fixtures.newCpr())).send().expectProblem(403, "role-required");
    }

    private static JsonNode group(JsonNode result, String group) {
        for (JsonNode candidate : result.path("groups")) {
            if (candidate.path("group").asText().equals(group)) {
                return candidate;
            }
        }
        throw new AssertionError("No group " + group + " in " + result);
    }
}
