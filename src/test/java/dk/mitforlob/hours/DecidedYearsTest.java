package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Programme;

class DecidedYearsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private final DecidedYears decided = new DecidedYears();

    private static List<HoursEvaluation.Member> members(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new HoursEvaluation.Member("c" + i, "851",
                Programme.values()[0], LocalDate.of(2026, 1, 5))).toList();
    }

    @Test
    void the_same_figures_are_decided_once_and_any_change_decides_them_anew() {
        List<HoursRepository.CitizenMonth> hours = List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 8));

        OutcomeCube first = decided.of(OCTOBER, members(6), hours);
        assertThat(decided.of(OCTOBER, members(6), List.copyOf(hours))).as("equal inputs").isSameAs(first);

        OutcomeCube moreHours = decided.of(OCTOBER, members(6),
                List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 12)));
        assertThat(moreHours).as("an hour changed").isNotSameAs(first);
        assertThat(decided.of(OCTOBER, members(7), List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 12))))
                .as("a citizen enrolled").isNotSameAs(moreHours);
        assertThat(decided.of(OCTOBER.plusMonths(1), members(7),
                List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 12)))).as("a later release").isNotSameAs(first);
    }
}
