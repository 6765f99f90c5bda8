package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.json.Json;
import dk.mitforlob.platform.storage.JsonDocuments;

/** Results computed from tallies, without a store: figures, means, medians and what is hidden. */
class SurveyResultsTest {

    static Definition definition() {
        return JsonDocuments.fromDocument(org.bson.Document.parse(Json.writeString(SurveyFixtures.definition())),
                Definition.class);
    }

    static SurveyRound round(SurveyRound.InvitedCounts invited) {
        return new SurveyRound("r", "q", 1, Map.of("da", "R"), new Target(List.of(), List.of("540")),
                LocalDateTime.parse("2026-11-02T10:00"), LocalDateTime.parse("2026-11-30T10:00"),
                Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-11-01T09:00:00Z"), invited);
    }

    /** One respondent's tally: overall, mentor (and helped when yes). */
    static Tally answer(String municipality, String programme, int overall, boolean mentor) {
        Map<String, Long> counts = new HashMap<>();
        counts.put(Tally.answers("overall"), 1L);
        counts.put(Tally.value("overall", Integer.toString(overall)), 1L);
        counts.put(Tally.answers("mentor"), 1L);
        counts.put(Tally.value("mentor", mentor ? "yes" : "no"), 1L);
        if (mentor) {
            counts.put(Tally.answers("mentor-helped"), 1L);
            counts.put(Tally.value("mentor-helped", "4"), 1L);
        }
        return new Tally(municipality, programme, 1, counts);
    }

    private static SurveyResults.Result compute(SurveyRound.InvitedCounts invited, List<Tally> tallies) {
        return SurveyResults.compute(round(invited), definition(), tallies, 5, SurveyResults.GroupBy.MUNICIPALITY);
    }

    @Test
    void a_round_with_no_one_invited_has_no_groups_and_a_total_of_zeros() {
        SurveyResults.Result result = compute(null, List.of());

        assertThat(result.groups()).isEmpty();
        assertThat(result.total().invited()).isZero();
        assertThat(result.total().answered()).isZero();
        assertThat(result.total().responseRate()).isNull();
        assertThat(result.total().suppressed()).isEmpty();
    }

    @Test
    void with_one_group_a_hidden_figure_takes_the_total_with_it() {
        List<Tally> tallies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tallies.add(answer("540", "resource-programme", i < 2 ? 1 : 4 + i % 2, false));
        }
        SurveyResults.Result result = compute(new SurveyRound.InvitedCounts(30, Map.of("540", 30L),
                Map.of("resource-programme", 30L)), tallies);

        SurveyResults.ItemResult overall = result.groups().getFirst().items().get(0);
        SurveyResults.ItemResult total = result.total().items().get(0);
        assertThat(overall.distribution().get(0).count()).as("two chose 1").isNull();
        assertThat(total.distribution().get(0).count()).as("the total is the group").isNull();
        assertThat(result.groups().getFirst().invited()).isEqualTo(30);
        assertThat(result.groups().getFirst().answered())
                .as("all twelve said no to a mentor, so the number who answered would say it of each").isNull();
    }

    @Test
    void a_round_answered_by_too_few_shows_nothing_but_who_was_invited() {
        List<Tally> tallies = List.of(answer("540", "resource-programme", 4, false),
                answer("540", "resource-programme", 5, true), answer("540", "resource-programme", 3, false));
        SurveyResults.Result result = compute(new SurveyRound.InvitedCounts(40, Map.of("540", 40L),
                Map.of("resource-programme", 40L)), tallies);

        assertThat(result.total().invited()).isEqualTo(40);
        assertThat(result.total().answered()).isNull();
        assertThat(result.total().items()).allSatisfy(item -> {
            assertThat(item.answers()).isNull();
            assertThat(item.distribution()).allSatisfy(v -> assertThat(v.count()).isNull());
            assertThat(item.mean()).isNull();
        });
    }

    @Test
    void everyone_choosing_the_same_answer_is_not_shown() {
        List<Tally> tallies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tallies.add(answer("540", "resource-programme", 4, false));
            tallies.add(answer("550", "resource-programme", 2 + i % 4, false));
        }
        SurveyResults.Result result = compute(new SurveyRound.InvitedCounts(40, Map.of("540", 20L, "550", 20L),
                Map.of("resource-programme", 40L)), tallies);

        SurveyResults.ItemResult overall = result.groups().getFirst().items().get(0);
        assertThat(overall.distribution().get(3).count()).as("all eight in 540 chose 4").isNull();
        assertThat(overall.mean()).isNull();
        assertThat(overall.suppressed()).contains("distribution.4", "mean", "median");
    }

    @Test
    void mean_and_median_come_from_the_distribution() {
        assertThat(SurveyResults.mean(new long[] {0, 0, 5, 5, 5}, 1, 15)).isEqualByComparingTo("4");
        assertThat(SurveyResults.median(new long[] {0, 0, 5, 5, 5}, 1, 15)).isEqualByComparingTo("4");
        assertThat(SurveyResults.median(new long[] {1, 1, 0, 0, 0}, 1, 2)).isEqualByComparingTo("1.5");
        assertThat(SurveyResults.median(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, 0, 3)).isEqualByComparingTo("10");
        assertThat(SurveyResults.mean(new long[] {1, 0, 2}, 1, 3)).isEqualByComparingTo("2.33");
    }
}
