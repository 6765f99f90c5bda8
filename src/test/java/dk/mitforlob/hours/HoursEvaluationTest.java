package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Programme;

class HoursEvaluationTest {

    private static final OutcomePeriod Q4 = OutcomePeriod.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31))
            .orElseThrow();
    private static final YearMonth LAST = YearMonth.of(2026, 12);

    private final List<HoursEvaluation.Member> members = new ArrayList<>();
    private final List<HoursRepository.CitizenMonth> hours = new ArrayList<>();

    /** {@code size} citizens in the municipality, the first {@code withHours} of them with {@code quarters} in November. */
    private void municipality(String code, int size, int withHours, long quarters) {
        for (int i = 0; i < size; i++) {
            String id = code + "-" + i;
            members.add(new HoursEvaluation.Member(id, code, Programme.RESOURCE_PROGRAMME, LocalDate.of(2026, 1, 1)));
            if (i < withHours) {
                hours.add(new HoursRepository.CitizenMonth(id, "2026-11", quarters + i));
            }
        }
    }

    private HoursEvaluation.Figures group(HoursEvaluation.Result result, String code) {
        return result.groups().stream().filter(g -> g.group().equals(code)).findFirst().orElseThrow().figures();
    }

    @Test
    void a_group_shows_its_figures_when_they_rest_on_enough_citizens() {
        municipality("851", 20, 8, 40);
        municipality("101", 30, 10, 20);

        var result = HoursEvaluation.compute(Q4, LAST, HoursEvaluation.GroupBy.MUNICIPALITY, members, hours);

        var aalborg = group(result, "851");
        assertThat(aalborg.citizensInProgramme()).contains(20L);
        assertThat(aalborg.citizensWithHours()).contains(8L);
        assertThat(aalborg.shareWithHours()).contains(new BigDecimal("0.400"));
        assertThat(aalborg.totalHours()).contains(new BigDecimal("87"));
        assertThat(aalborg.medianHours()).contains(new BigDecimal("10.88"));
        assertThat(aalborg.suppressed()).isEmpty();
        assertThat(result.total().citizensInProgramme()).contains(50L);
    }

    @Test
    void a_group_with_fewer_than_five_citizens_with_hours_hides_them_and_another_group_hides_its_count_too() {
        municipality("851", 20, 3, 40);
        municipality("101", 30, 10, 20);
        municipality("461", 40, 15, 20);

        var result = HoursEvaluation.compute(Q4, LAST, HoursEvaluation.GroupBy.MUNICIPALITY, members, hours);

        var aalborg = group(result, "851");
        assertThat(aalborg.citizensWithHours()).isEmpty();
        assertThat(aalborg.totalHours()).isEmpty();
        assertThat(aalborg.medianHours()).isEmpty();
        assertThat(aalborg.suppressed()).contains("citizensWithHours", "shareWithHours", "totalHours", "medianHours");
        assertThat(aalborg.citizensInProgramme()).contains(20L);
        assertThat(group(result, "101").citizensWithHours()).as("the smallest other count goes with it").isEmpty();
        assertThat(group(result, "101").totalHours()).isEmpty();
        assertThat(group(result, "461").citizensWithHours()).contains(15L);
        assertThat(result.total().citizensWithHours()).contains(28L);
    }

    @Test
    void a_group_where_almost_everyone_has_hours_hides_the_count_so_the_few_without_are_not_exposed() {
        municipality("851", 12, 10, 40);
        municipality("101", 30, 10, 20);
        municipality("461", 40, 15, 20);

        var aalborg = group(HoursEvaluation.compute(Q4, LAST, HoursEvaluation.GroupBy.MUNICIPALITY, members, hours), "851");

        assertThat(aalborg.citizensWithHours()).isEmpty();
        assertThat(aalborg.totalHours()).as("still rests on ten citizens").isPresent();
    }

    @Test
    void a_tiny_group_shows_nothing() {
        municipality("851", 3, 2, 40);
        municipality("101", 30, 10, 20);
        municipality("461", 40, 15, 20);

        var aalborg = group(HoursEvaluation.compute(Q4, LAST, HoursEvaluation.GroupBy.MUNICIPALITY, members, hours), "851");

        assertThat(aalborg.citizensInProgramme()).isEmpty();
        assertThat(aalborg.suppressed()).containsExactlyInAnyOrder("citizensInProgramme", "citizensWithHours",
                "shareWithHours", "totalHours", "medianHours");
    }

    @Test
    void months_count_citizens_enrolled_by_the_end_of_the_month() {
        municipality("851", 20, 8, 40);
        members.add(new HoursEvaluation.Member("late", "851", Programme.RESOURCE_PROGRAMME, LocalDate.of(2026, 11, 10)));

        var result = HoursEvaluation.compute(Q4, LAST, HoursEvaluation.GroupBy.MONTH, members, hours);

        assertThat(result.groups()).extracting(HoursEvaluation.Group::group).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(result.groups().get(0).figures().citizensInProgramme()).contains(20L);
        assertThat(result.groups().get(1).figures().citizensInProgramme()).contains(21L);
        assertThat(result.groups().get(1).figures().citizensWithHours()).contains(8L);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(HoursEvaluation.medianHours(List.of(4L, 8L, 12L, 40L))).isEqualTo(new BigDecimal("2.5"));
        assertThat(HoursEvaluation.medianHours(List.of(4L, 6L, 40L))).isEqualTo(new BigDecimal("1.5"));
    }
}
