package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random rounds (1-4 municipalities, 1-2 programmes, 0-12 invited and up to as many answering per
 * group, random answers to every item type of {@link SurveyFixtures#definition()}) are published
 * by municipality and by programme; an attacker who subtracts across both groupings, the totals
 * and the relations between items must not work out a single hidden figure exactly, and every
 * shown figure must be the true one.
 */
class SurveySuppressionPropertiesTest {

    private static final List<String> MUNICIPALITIES = List.of("540", "550", "561", "563");
    private static final List<String> PROGRAMMES = List.of("resource-programme", "activity-ready-cash-benefit");
    private static final Definition DEFINITION = SurveyResultsTest.definition();

    /** A generated round: invited per group, one tally per respondent. */
    record Population(SurveyRound.InvitedCounts invited, List<Tally> tallies) {
    }

    static Population population(int municipalities, int programmes, long seed, int maxGroup) {
        Random random = new Random(seed);
        Map<String, Long> byMunicipality = new HashMap<>();
        Map<String, Long> byProgramme = new HashMap<>();
        List<Tally> tallies = new ArrayList<>();
        long total = 0;
        for (String m : MUNICIPALITIES.subList(0, municipalities)) {
            for (String p : PROGRAMMES.subList(0, programmes)) {
                int invited = random.nextInt(maxGroup + 1);
                int answering = invited == 0 ? 0 : random.nextInt(invited + 1);
                byMunicipality.merge(m, (long) invited, Long::sum);
                byProgramme.merge(p, (long) invited, Long::sum);
                total += invited;
                for (int i = 0; i < answering; i++) {
                    tallies.add(respondent(random, m, p));
                }
            }
        }
        return new Population(new SurveyRound.InvitedCounts(total, byMunicipality, byProgramme), tallies);
    }

    /** One respondent's answers, counted the way {@link Responses#counted} counts them. */
    static Tally respondent(Random random, String municipality, String programme) {
        Map<String, Object> values = new LinkedHashMap<>();
        // skewed towards the top of the scale, as satisfaction answers are, so that small counts occur
        values.put("overall", Math.min(5, 1 + random.nextInt(3) + random.nextInt(3)));
        boolean mentor = random.nextInt(4) == 0;
        values.put("mentor", mentor ? "yes" : "no");
        if (mentor) {
            values.put("mentor-helped", 1 + random.nextInt(5));
        }
        if (random.nextBoolean()) {
            values.put("closer", random.nextInt(11));
        }
        if (random.nextBoolean()) {
            List<String> codes = new ArrayList<>();
            for (String code : List.of("talks", "course", "placement")) {
                if (random.nextBoolean()) {
                    codes.add(code);
                }
            }
            if (!codes.isEmpty()) {
                values.put("helped", codes);
            }
        }
        List<Participation.FreeText> texts = random.nextBoolean()
                ? List.of(new Participation.FreeText("t", "comment", "x")) : List.of();
        Participation.PendingAnswer pending = new Participation.PendingAnswer("a", "b", "2026-W48", values, texts,
                java.time.Instant.EPOCH);
        Map<String, Long> counts = new HashMap<>();
        Responses.counted(pending).forEach(key -> counts.merge(key, 1L, Long::sum));
        return new Tally(municipality, programme, 1, counts);
    }

    @Property(tries = 300)
    void no_hidden_figure_can_be_worked_out_by_subtraction(
            @ForAll @IntRange(min = 1, max = 4) int municipalities,
            @ForAll @IntRange(min = 1, max = 2) int programmes,
            @ForAll long seed) {
        Population population = population(municipalities, programmes, seed, 12);
        SurveyRound round = SurveyResultsTest.round(population.invited());
        SurveyResults.Result byMunicipality = SurveyResults.compute(round, DEFINITION, population.tallies(), 5,
                SurveyResults.GroupBy.MUNICIPALITY);
        SurveyResults.Result byProgramme = SurveyResults.compute(round, DEFINITION, population.tallies(), 5,
                SurveyResults.GroupBy.PROGRAMME);

        assertThat(byProgramme.total()).as("one total for both groupings").isEqualTo(byMunicipality.total());
        SubtractionAttacker attacker = new SubtractionAttacker();
        Map<String, Long> truth = new HashMap<>();
        publish(attacker, truth, byMunicipality, population, "municipality");
        publish(attacker, truth, byProgramme, population, "programme");

        assertThat(attacker.derivable()).as("hidden figures worked out exactly").isEmpty();
        truth.forEach((name, value) -> assertThat(value).as(name).isNotNegative());
    }

    /** Hands the attacker one grouping's figures and the relations between them; checks shown figures are true. */
    private static void publish(SubtractionAttacker attacker, Map<String, Long> truth, SurveyResults.Result result,
                                Population population, String table) {
        List<String> groups = new ArrayList<>();
        for (SurveyResults.Row row : result.groups()) {
            groups.add(table + "/" + row.group());
            row(attacker, table + "/" + row.group(), row, population, table, row.group());
        }
        row(attacker, "total", result.total(), population, table, null);
        List<String> names = new ArrayList<>(List.of("invited", "answered"));
        for (Item item : DEFINITION.items()) {
            if (item.type().answerable()) {
                names.add(item.id() + ".n");
                item.values().forEach(v -> names.add(item.id() + ".v." + v));
            }
        }
        for (String name : names) {
            Map<String, Long> sum = new HashMap<>();
            groups.forEach(group -> sum.put(group + "/" + name, 1L));
            sum.put("total/" + name, -1L);
            attacker.relation(sum);
        }
    }

    private static void row(SubtractionAttacker attacker, String at, SurveyResults.Row row, Population population,
                            String table, String group) {
        Map<String, Long> actual = actual(population, table, group);
        check(attacker, at + "/invited", row.invited(), actual.getOrDefault("invited", 0L));
        check(attacker, at + "/answered", row.answered(), actual.getOrDefault("answered", 0L));
        for (SurveyResults.ItemResult item : row.items()) {
            String id = item.itemId();
            check(attacker, at + "/" + id + ".n", item.answers(), actual.getOrDefault(Tally.answers(id), 0L));
            Map<String, Long> values = new HashMap<>();
            for (SurveyResults.ValueCount value : item.distribution()) {
                check(attacker, at + "/" + id + ".v." + value.value(), value.count(),
                        actual.getOrDefault(Tally.value(id, value.value()), 0L));
                values.put(at + "/" + id + ".v." + value.value(), 1L);
            }
            if (item.type().exclusive()) {
                values.put(at + "/" + id + ".n", -1L);
                attacker.relation(values);
            }
            boolean wholeDistribution = item.answers() != null
                    && item.distribution().stream().allMatch(v -> v.count() != null);
            if (item.mean() != null || item.median() != null) {
                assertThat(wholeDistribution).as("a mean or median only with its whole distribution").isTrue();
            }
        }
        for (String required : List.of("overall", "mentor")) {
            attacker.relation(Map.of(at + "/" + required + ".n", 1L, at + "/answered", -1L));
        }
        attacker.relation(Map.of(at + "/mentor-helped.n", 1L, at + "/mentor.v.yes", -1L));
    }

    private static void check(SubtractionAttacker attacker, String name, Long shown, long actual) {
        if (shown != null) {
            assertThat(shown).as(name).isEqualTo(actual);
        }
        attacker.figure(name, shown);
    }

    /** The true figures of a group (or, with group null, of everyone). */
    private static Map<String, Long> actual(Population population, String table, String group) {
        Map<String, Long> figures = new HashMap<>();
        if (group == null) {
            figures.put("invited", population.invited().total());
        } else {
            figures.put("invited", (table.equals("municipality") ? population.invited().byMunicipality()
                    : population.invited().byProgramme()).getOrDefault(group, 0L));
        }
        for (Tally tally : population.tallies()) {
            String of = table.equals("municipality") ? tally.municipality() : tally.programme();
            if (group == null || group.equals(of)) {
                figures.merge("answered", tally.answered(), Long::sum);
                tally.counts().forEach((key, count) -> figures.merge(key, count, Long::sum));
            }
        }
        return figures;
    }
}
