package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The evaluators' view of paid hours, through the API, on whatever the store holds. */
class HoursEvaluationApiTest {

    private final TestService service = TestService.get();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    private JsonNode outcome(String groupBy) {
        return service.api().get("/api/v1/evaluation/paid-hours?from=" + today.minusDays(30) + "&to=" + today
                + "&groupBy=" + groupBy).bearer(service.issuers().evaluator()).send().expect(200).json();
    }

    /** Enrolls {@code size} citizens in the municipality, {@code withHours} of whom register 2 hours today. */
    private void municipality(String code, int size, int withHours) {
        for (int i = 0; i < size; i++) {
            TestCitizen citizen = Fixtures.enrollCitizen(service, code);
            if (i < withHours) {
                service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString())
                        .json(MyHoursApiTest.hours(today, 2)).send().expect(201);
            }
        }
    }

    @Test
    void figures_by_municipality_are_exact_where_enough_citizens_stand_behind_them() {
        municipality("665", 12, 6);

        JsonNode lemvig = group(outcome("municipality"), "665");

        assertThat(lemvig.path("citizensInProgramme").asLong()).isEqualTo(12);
        assertThat(lemvig.path("citizensWithHours").asLong()).isEqualTo(6);
        assertThat(lemvig.path("shareWithHours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(lemvig.path("totalHours").decimalValue()).isEqualByComparingTo("12");
        assertThat(lemvig.path("medianHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void a_small_cell_is_left_out_named_and_cannot_be_recovered_from_the_total() {
        municipality("671", 8, 2);

        JsonNode result = outcome("municipality");

        JsonNode struer = group(result, "671");
        assertThat(struer.has("citizensWithHours")).isFalse();
        assertThat(struer.has("totalHours")).isFalse();
        assertThat(struer.path("suppressed")).extracting(JsonNode::asText).contains("citizensWithHours", "totalHours");
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
                double threshold = figure.equals("totalHours") ? 0 : SmallCells.THRESHOLD;
                assertThat(recoverable).as("what the hidden %s cells add up to", figure).isGreaterThanOrEqualTo(threshold);
            }
        }
    }

    @Test
    void figures_by_month_and_programme_are_served() {
        municipality("773", 5, 5);

        JsonNode byMonth = outcome("month");
        JsonNode byProgramme = outcome("programme");

        assertThat(byMonth.path("groups").get(byMonth.path("groups").size() - 1).path("group").asText())
                .isEqualTo(today.toString().substring(0, 7));
        assertThat(byProgramme.path("groups")).extracting(g -> g.path("group").asText()).contains("resource-programme");
    }

    @Test
    void the_period_and_grouping_are_required_and_checked() {
        service.api().get("/api/v1/evaluation/paid-hours?from=2026-01-01&to=2026-02-01")
                .bearer(service.issuers().evaluator()).invalid().send().expectProblem(400, "invalid-parameter");
        service.api().get("/api/v1/evaluation/paid-hours?from=2026-01-01&to=2026-02-01&groupBy=person")
                .bearer(service.issuers().evaluator()).invalid().send().expectProblem(400, "invalid-parameter");
    }

    @Test
    void only_evaluators_see_the_figures() {
        String query = "/api/v1/evaluation/paid-hours?from=2026-01-01&to=2026-02-01&groupBy=month";
        service.api().get(query).bearer(service.issuers().caseworker("851")).send().expectProblem(403, "role-required");
        service.api().get(query).bearer(service.issuers().citizen(Fixtures.newCpr())).send()
                .expectProblem(403, "role-required");
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
