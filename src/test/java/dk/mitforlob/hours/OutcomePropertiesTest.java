package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dk.mitforlob.citizen.Programme;
import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.survey.SubtractionAttacker;

/**
 * Random populations (1-3 municipalities, 1-2 programmes, 0-12 citizens per pair, enrolled in
 * random months, with hours in random months) are asked every allowed query: every month, quarter
 * and year that has ended, by month, by municipality and by programme. An attacker who knows how
 * the figures add up (groups to everyone, months to quarters to years, citizens in the programme
 * at a period's end, citizens with hours of a period with hours in one part only) and solves for
 * hidden figures exactly must not pin down any hidden figure resting on 1 to 4 citizens; every
 * shown figure must be the true one, the same in every answer, and what a month released stays as
 * it was when later months are released.
 */
class OutcomePropertiesTest {

    private static final int YEAR = 2026;
    private static final List<String> MUNICIPALITIES = List.of("101", "461", "851");

    record Population(List<HoursEvaluation.Member> members, List<HoursRepository.CitizenMonth> hours) {
    }

    static Population population(int municipalities, int programmes, int maxPerPair, long seed) {
        Random random = new Random(seed);
        List<HoursEvaluation.Member> members = new ArrayList<>();
        List<HoursRepository.CitizenMonth> hours = new ArrayList<>();
        int id = 0;
        for (String municipality : MUNICIPALITIES.subList(0, municipalities)) {
            for (Programme programme : List.of(Programme.values()).subList(0, programmes)) {
                int size = random.nextInt(maxPerPair + 1);
                for (int i = 0; i < size; i++) {
                    String citizen = "c" + id++;
                    // some before the year, the rest in a random month of it
                    LocalDate enrolled = random.nextInt(3) == 0 ? LocalDate.of(YEAR - 1, 6, 15)
                            : YearMonth.of(YEAR, 1 + random.nextInt(12)).atDay(1 + random.nextInt(28));
                    members.add(new HoursEvaluation.Member(citizen, municipality, programme, enrolled));
                    double active = random.nextDouble();
                    for (int m = 1; m <= 12; m++) {
                        if (random.nextDouble() < active * 0.6) {
                            // hours registered before enrolment are not counted; they are generated anyway
                            hours.add(new HoursRepository.CitizenMonth(citizen, YearMonth.of(YEAR, m).toString(),
                                    1 + random.nextInt(40)));
                        }
                    }
                }
            }
        }
        return new Population(members, hours);
    }

    @Property(tries = 500)
    void no_hidden_figure_on_fewer_than_five_citizens_can_be_worked_out_from_all_answers(
            @ForAll @IntRange(min = 1, max = 3) int municipalities,
            @ForAll @IntRange(min = 1, max = 2) int programmes,
            @ForAll @IntRange(min = 0, max = 12) int maxPerPair,
            @ForAll @IntRange(min = 1, max = 12) int lastEndedMonth,
            @ForAll long seed) {
        attack(population(municipalities, programmes, maxPerPair, seed), YearMonth.of(YEAR, lastEndedMonth));
    }

    @Example
    void the_empty_table() {
        attack(new Population(List.of(), List.of()), YearMonth.of(YEAR, 12));
    }

    @Example
    void one_group_of_everything_small() {
        for (long seed = 0; seed < 20; seed++) {
            attack(population(1, 1, 4, seed), YearMonth.of(YEAR, 12));
        }
    }

    @Property(tries = 100)
    void what_a_month_released_stays_as_it_was_when_later_months_are_released(
            @ForAll @IntRange(min = 1, max = 3) int municipalities,
            @ForAll @IntRange(min = 1, max = 2) int programmes,
            @ForAll long seed) {
        Population population = population(municipalities, programmes, 9, seed);
        Map<String, Optional<?>> before = new HashMap<>();
        for (int last = 1; last <= 12; last++) {
            Map<String, Optional<?>> now = published(population, YearMonth.of(YEAR, last));
            before.forEach((name, shown) -> assertThat(now.get(name)).as(name).isEqualTo(shown));
            before = now;
        }
    }

    /** Every figure of every allowed query, by name; a hidden one is empty. Checks each name means one figure. */
    private static Map<String, Optional<?>> published(Population population, YearMonth lastEnded) {
        Map<String, Optional<?>> figures = new LinkedHashMap<>();
        // one year's figures are decided at once: the answers are read from them as the service does
        OutcomeCube cube = OutcomeCube.of(YEAR, lastEnded, population.members(), population.hours());
        for (OutcomePeriod period : OutcomePeriod.endedIn(YEAR, lastEnded)) {
            for (HoursEvaluation.GroupBy groupBy : HoursEvaluation.GroupBy.values()) {
                HoursEvaluation.Result result = HoursEvaluation.answer(cube, period, groupBy);
                for (HoursEvaluation.Group group : result.groups()) {
                    String at = groupBy == HoursEvaluation.GroupBy.MONTH
                            ? "all/" + group.group() + "-" + group.group() : groupBy.code() + ":" + group.group()
                            + "/" + period.first() + "-" + period.last();
                    put(figures, at, group.figures());
                }
                put(figures, "all/" + period.first() + "-" + period.last(), result.total());
            }
        }
        return figures;
    }

    private static void put(Map<String, Optional<?>> figures, String at, HoursEvaluation.Figures shown) {
        Map<String, Optional<?>> row = Map.of("in", shown.citizensInProgramme(), "with", shown.citizensWithHours(),
                "total", shown.totalHours(), "share", shown.shareWithHours(), "median", shown.medianHours());
        row.forEach((figure, value) -> {
            Optional<?> earlier = figures.put(at + "/" + figure, value);
            if (earlier != null) {
                assertThat(value).as("one figure in every answer: " + at + "/" + figure).isEqualTo(earlier);
            }
        });
    }

    private static void attack(Population population, YearMonth lastEnded) {
        Map<String, Optional<?>> published = published(population, lastEnded);
        Truth truth = new Truth(population, lastEnded);
        SubtractionAttacker attacker = new SubtractionAttacker();
        Map<String, Long> restsOn = new HashMap<>();
        for (OutcomePeriod period : OutcomePeriod.endedIn(YEAR, lastEnded)) {
            for (String group : truth.groups()) {
                String at = group + "/" + period.first() + "-" + period.last();
                if (!published.containsKey(at + "/in")) {
                    assertThat(truth.in(group, period)).as(at + " left out: no one in the programme").isZero();
                    continue;
                }
                long in = truth.in(group, period);
                long with = truth.with(group, period);
                long quarters = truth.quarters(group, period);
                check(attacker, published, at + "/in", in);
                check(attacker, published, at + "/with", with);
                check(attacker, published, at + "/total", quarters);
                restsOn.put(at + "/in", in);
                restsOn.put(at + "/with", SmallCells.exposed(with, in));
                restsOn.put(at + "/total", with);
                published.get(at + "/median").ifPresent(median ->
                        assertThat(with).as(at + " median on enough citizens").isGreaterThanOrEqualTo(5));
            }
        }
        relations(attacker, published, truth, lastEnded);
        Set<String> pinned = attacker.derivable();
        for (String name : pinned) {
            assertThat(SmallCells.tooFew(restsOn.getOrDefault(name, 0L)))
                    .as("hidden " + name + " (on " + restsOn.get(name) + " citizens) worked out from " + published)
                    .isFalse();
        }
    }

    private static void check(SubtractionAttacker attacker, Map<String, Optional<?>> published, String name,
                              long actual) {
        Optional<?> shown = published.get(name);
        Long value = shown.map(v -> v instanceof BigDecimal hours ? hours.multiply(BigDecimal.valueOf(4))
                .longValueExact() : ((Number) v).longValue()).orElse(null);
        if (value != null) {
            assertThat(value).as(name).isEqualTo(actual);
        }
        attacker.figure(name, value);
    }

    /** What the attacker knows of how figures add up, from the definitions in the contract. */
    private static void relations(SubtractionAttacker attacker, Map<String, Optional<?>> published, Truth truth,
                                  YearMonth lastEnded) {
        for (OutcomePeriod period : OutcomePeriod.endedIn(YEAR, lastEnded)) {
            String span = "/" + period.first() + "-" + period.last();
            for (String figure : List.of("in", "with", "total")) {
                for (String kind : List.of("municipality:", "programme:")) {
                    Map<String, Long> sum = new HashMap<>();
                    sum.put("all" + span + "/" + figure, -1L);
                    truth.groups().stream().filter(g -> g.startsWith(kind))
                            .forEach(g -> sum.put(g + span + "/" + figure, 1L));
                    attacker.relation(sum);
                }
            }
            for (String group : truth.groups()) {
                String at = group + span;
                String lastMonth = group + "/" + period.last() + "-" + period.last();
                if (!lastMonth.equals(at)) {
                    attacker.relation(Map.of(at + "/in", 1L, lastMonth + "/in", -1L));
                }
                List<String> parts = period.children().stream()
                        .map(c -> group + "/" + c.first() + "-" + c.last()).toList();
                if (parts.isEmpty()) {
                    continue;
                }
                Map<String, Long> total = new HashMap<>();
                total.put(at + "/total", -1L);
                parts.forEach(part -> total.put(part + "/total", 1L));
                attacker.relation(total);
                // citizens with hours: equal to the one part not shown to be zero
                List<String> notZero = parts.stream().filter(part -> !published.getOrDefault(part + "/with",
                        Optional.empty()).equals(Optional.of(0L)) && published.containsKey(part + "/with")).toList();
                if (notZero.size() == 1) {
                    attacker.relation(Map.of(at + "/with", 1L, notZero.get(0) + "/with", -1L));
                }
            }
        }
    }

    /** The true figures, counted the plain way. */
    private static final class Truth {
        private final Population population;
        private final YearMonth lastEnded;

        Truth(Population population, YearMonth lastEnded) {
            this.population = population;
            this.lastEnded = lastEnded;
        }

        List<String> groups() {
            List<String> groups = new ArrayList<>(List.of("all"));
            population.members().stream().map(m -> "municipality:" + m.municipality()).distinct().sorted()
                    .forEach(groups::add);
            population.members().stream().map(m -> "programme:" + m.programme().code()).distinct().sorted()
                    .forEach(groups::add);
            return groups;
        }

        private boolean in(String group, HoursEvaluation.Member m) {
            return group.equals("all") || group.equals("municipality:" + m.municipality())
                    || group.equals("programme:" + m.programme().code());
        }

        long in(String group, OutcomePeriod period) {
            return population.members().stream()
                    .filter(m -> in(group, m) && !m.enrolledOn().isAfter(period.to())).count();
        }

        private Map<String, Long> perCitizen(String group, OutcomePeriod period) {
            Map<String, HoursEvaluation.Member> byId = new HashMap<>();
            population.members().forEach(m -> byId.put(m.citizenId(), m));
            Map<String, Long> sums = new HashMap<>();
            for (HoursRepository.CitizenMonth h : population.hours()) {
                YearMonth month = YearMonth.parse(h.month());
                HoursEvaluation.Member m = byId.get(h.citizenId());
                if (m != null && in(group, m) && period.months().contains(month) && !month.isAfter(lastEnded)
                        && !m.enrolledOn().isAfter(month.atEndOfMonth())) {
                    sums.merge(h.citizenId(), h.quarters(), Long::sum);
                }
            }
            return sums;
        }

        long with(String group, OutcomePeriod period) {
            return perCitizen(group, period).size();
        }

        long quarters(String group, OutcomePeriod period) {
            return perCitizen(group, period).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
