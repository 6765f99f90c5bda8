package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.survey.SubtractionAttacker;

/**
 * A month's wishes release is read by municipality and by programme; random populations (1-4
 * municipalities, 1-2 programmes, 0-12 citizens per pair, random wishes and interest groups) must
 * not let an attacker who subtracts across both groupings and the shared total pin down a hidden
 * figure resting on 1 to 4 citizens, and every shown figure must be the true one. (Releases of
 * different months are separate snapshots; that a figure changes from one month to the next is
 * what the table is for.)
 */
class WishesSuppressionPropertiesTest {

    private static final List<String> MUNICIPALITIES = List.of("101", "461", "751", "851");
    private static final List<String> PROGRAMMES = List.of("activity-ready-cash-benefit", "resource-programme");
    private static final List<String> MAJOR_GROUPS = Occupations.majorGroups().stream().map(Occupation::code).toList();

    /** One citizen as the release counts them. */
    record Citizen(String municipality, String programme, Set<WishType> types, Set<String> groups) {
    }

    static List<Citizen> population(int municipalities, int programmes, int maxPerPair, long seed) {
        Random random = new Random(seed);
        List<Citizen> citizens = new ArrayList<>();
        for (String municipality : MUNICIPALITIES.subList(0, municipalities)) {
            for (String programme : PROGRAMMES.subList(0, programmes)) {
                int size = random.nextInt(maxPerPair + 1);
                for (int i = 0; i < size; i++) {
                    Set<WishType> types = EnumSet.noneOf(WishType.class);
                    for (WishType type : WishType.values()) {
                        // a few popular wishes and many rare ones, so that small counts occur
                        if (random.nextInt(type.ordinal() % 3 == 0 ? 2 : 6) == 0) {
                            types.add(type);
                        }
                    }
                    Set<String> groups = new TreeSet<>();
                    for (String group : MAJOR_GROUPS) {
                        if (random.nextInt(4) == 0) {
                            groups.add(group);
                        }
                    }
                    citizens.add(new Citizen(municipality, programme, types, groups));
                }
            }
        }
        return citizens;
    }

    @Property(tries = 300)
    void no_hidden_figure_on_fewer_than_five_citizens_can_be_worked_out_from_both_groupings(
            @ForAll @IntRange(min = 1, max = 4) int municipalities,
            @ForAll @IntRange(min = 1, max = 2) int programmes,
            @ForAll @IntRange(min = 0, max = 12) int maxPerPair,
            @ForAll long seed) {
        attack(population(municipalities, programmes, maxPerPair, seed));
    }

    @Example
    void the_empty_table_one_group_and_everything_small() {
        attack(List.of());
        for (long seed = 0; seed < 30; seed++) {
            attack(population(1, 1, 4, seed));
            attack(population(4, 2, 2, seed));
        }
    }

    private static void attack(List<Citizen> citizens) {
        SubtractionAttacker attacker = new SubtractionAttacker();
        Map<String, Long> shown = new HashMap<>();
        Map<String, Long> truth = new HashMap<>();
        Map<String, Long> restsOn = new HashMap<>();
        List<String> columns = WishesTable.columns();
        Map<GroupBy, SortedMap<String, WishesTable.Counts>> release = new java.util.EnumMap<>(GroupBy.class);
        for (GroupBy groupBy : GroupBy.values()) {
            SortedMap<String, WishesTable.Counts> byGroup = new TreeMap<>();
            for (Citizen citizen : citizens) {
                byGroup.computeIfAbsent(groupBy == GroupBy.MUNICIPALITY ? citizen.municipality() : citizen.programme(),
                        g -> new WishesTable.Counts()).add(citizen.types(), citizen.groups());
            }
            release.put(groupBy, byGroup);
        }
        for (GroupBy groupBy : GroupBy.values()) {
            SortedMap<String, WishesTable.Counts> byGroup = release.get(groupBy);
            WishesTable table = WishesTable.of(groupBy, release);
            List<String> rows = new ArrayList<>();
            for (WishesTable.Row row : table.groups()) {
                String at = groupBy.code() + ":" + row.group();
                rows.add(at);
                publish(at, row, byGroup.get(row.group()).byColumn(), shown, truth, restsOn);
            }
            WishesTable.Counts all = new WishesTable.Counts();
            citizens.forEach(c -> all.add(c.types(), c.groups()));
            publish("total", table.total(), all.byColumn(), shown, truth, restsOn);
            for (String column : columns) {
                Map<String, Long> sum = new HashMap<>();
                rows.forEach(row -> sum.put(row + "/" + column, 1L));
                sum.put("total/" + column, -1L);
                attacker.relation(sum);
            }
        }
        truth.keySet().forEach(name -> attacker.figure(name, shown.get(name)));
        for (String name : attacker.derivable()) {
            assertThat(SmallCells.tooFew(restsOn.get(name)))
                    .as("hidden %s (on %d citizens) worked out from %s", name, restsOn.get(name), shown).isFalse();
        }
    }

    private static void publish(String at, WishesTable.Row row, Map<String, Long> actual, Map<String, Long> shown,
                                Map<String, Long> truth, Map<String, Long> restsOn) {
        Map<String, Long> figures = new HashMap<>();
        if (row.citizens() != null) {
            figures.put(WishesTable.CITIZENS, row.citizens());
        }
        row.wishes().forEach((type, count) -> figures.put("wishes." + type.code(), count));
        row.interestGroups().forEach((group, count) -> figures.put("interestGroups." + group, count));
        long citizens = actual.get(WishesTable.CITIZENS);
        actual.forEach((column, value) -> {
            String name = at + "/" + column;
            truth.put(name, value);
            restsOn.put(name, column.equals(WishesTable.CITIZENS) ? value : SmallCells.exposed(value, citizens));
            if (figures.containsKey(column)) {
                assertThat(figures.get(column)).as(name).isEqualTo(value);
                Long earlier = shown.put(name, value);
                assertThat(earlier == null || earlier.equals(value)).isTrue();
            } else {
                assertThat(row.suppressed()).as(name + " hidden and named").contains(column);
            }
        });
    }
}
