package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Programme;

class DecidedYearsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private final DecidedYears decided = new DecidedYears();

    private static List<HoursEvaluation.Member> members(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new HoursEvaluation.Member("c" + i, "851",
                Programme.values()[0], LocalDate.of(2026, 1, 5))).toList();
    }

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void the_same_figures_are_decided_once_and_any_change_decides_them_anew() {
        List<HoursRepository.CitizenMonth> hours = List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 8));

        OutcomeCube first = decided.of(OCTOBER, NOW, () -> inputs(6, hours));
        Instant later = NOW.plus(DecidedYears.RECHECK);
        assertThat(decided.of(OCTOBER, later, () -> inputs(6, List.copyOf(hours)))).as("equal inputs").isSameAs(first);

        later = later.plus(DecidedYears.RECHECK);
        List<HoursRepository.CitizenMonth> more = List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 12));
        OutcomeCube moreHours = decided.of(OCTOBER, later, () -> inputs(6, more));
        assertThat(moreHours).as("an hour changed").isNotSameAs(first);
        later = later.plus(DecidedYears.RECHECK);
        assertThat(decided.of(OCTOBER, later, () -> inputs(7, more))).as("a citizen enrolled").isNotSameAs(moreHours);
        assertThat(decided.of(OCTOBER.plusMonths(1), later, () -> inputs(7, more))).as("a later release")
                .isNotSameAs(first);
    }

    @Test
    void the_inputs_are_read_again_only_once_the_figures_are_RECHECK_old() {
        AtomicInteger reads = new AtomicInteger();
        List<HoursRepository.CitizenMonth> hours = List.of(new HoursRepository.CitizenMonth("c1", "2026-10", 8));
        OutcomeCube first = decided.of(OCTOBER, NOW, () -> {
            reads.incrementAndGet();
            return inputs(6, hours);
        });
        Instant justBefore = NOW.plus(DecidedYears.RECHECK).minusMillis(1);
        OutcomeCube again = decided.of(OCTOBER, justBefore, () -> {
            reads.incrementAndGet();
            return inputs(7, hours);
        });
        assertThat(again).isSameAs(first);
        assertThat(reads).hasValue(1);

        OutcomeCube rechecked = decided.of(OCTOBER, NOW.plus(DecidedYears.RECHECK), () -> {
            reads.incrementAndGet();
            return inputs(7, hours);
        });
        assertThat(reads).hasValue(2);
        assertThat(rechecked).as("a citizen enrolled meanwhile").isNotSameAs(first);
    }

    private static DecidedYears.Inputs inputs(int members, List<HoursRepository.CitizenMonth> hours) {
        return new DecidedYears.Inputs(members(members), hours);
    }
}
