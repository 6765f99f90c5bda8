package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dk.mitforlob.evaluation.SmallCells;

/** The evaluators' table of wishes: what is counted, and which small cells are hidden. */
class WishesTableTest {

    private final SortedMap<String, WishesTable.Counts> groups = new TreeMap<>();

    /** Adds {@code citizens} citizens to {@code group}, the first {@code choosing} of whom choose {@code type} and occupation {@code code}. */
    private void add(String group, int citizens, WishType type, int choosing, String code) {
        for (int i = 0; i < citizens; i++) {
            boolean chooses = i < choosing;
            groups.computeIfAbsent(group, g -> new WishesTable.Counts()).add(new Wishes(
                    new Interests(chooses ? List.of(code) : List.of(), null),
                    chooses ? List.of(new Wish(type, null)) : List.of(), null, null, null));
        }
    }

    private WishesTable table() {
        return WishesTable.of(GroupBy.MUNICIPALITY, groups);
    }

    private static WishesTable.Row row(WishesTable table, String group) {
        return table.groups().stream().filter(r -> group.equals(r.group())).findFirst().orElseThrow();
    }

    @Test
    void large_groups_show_every_figure_and_the_total_adds_them_up() {
        add("101", 20, WishType.MENTOR, 8, "52");
        add("851", 12, WishType.MENTOR, 6, "91");

        WishesTable table = table();

        assertThat(table.groups()).extracting(WishesTable.Row::group).containsExactly("101", "851");
        assertThat(row(table, "101").citizens()).isEqualTo(20);
        assertThat(row(table, "101").wishes()).containsEntry(WishType.MENTOR, 8L).containsEntry(WishType.OTHER, 0L);
        assertThat(row(table, "101").interestGroups()).containsEntry("5", 8L).containsEntry("9", 0L).hasSize(10);
        assertThat(row(table, "101").suppressed()).isEmpty();
        assertThat(table.total().citizens()).isEqualTo(32);
        assertThat(table.total().wishes()).containsEntry(WishType.MENTOR, 14L);
        assertThat(table.total().interestGroups()).containsEntry("5", 8L).containsEntry("9", 6L);
        assertThat(table.total().group()).isNull();
    }

    @Test
    void a_count_of_one_to_four_is_absent_and_named_as_suppressed() {
        add("101", 20, WishType.MENTOR, 3, "52");
        add("851", 10, WishType.MENTOR, 2, "52");
        add("461", 30, WishType.MENTOR, 12, "52");

        WishesTable.Row row = row(table(), "101");

        assertThat(row.wishes()).doesNotContainKey(WishType.MENTOR);
        assertThat(row.interestGroups()).doesNotContainKey("5");
        assertThat(row.suppressed()).containsExactly("wishes.mentor", "interestGroups.5");
        assertThat(row.citizens()).isEqualTo(20);
    }

    @Test
    void a_group_of_fewer_than_five_citizens_shows_no_figure_at_all() {
        add("101", 20, WishType.MENTOR, 8, "52");
        add("851", 3, WishType.MENTOR, 0, "52");
        add("461", 30, WishType.MENTOR, 12, "52");

        WishesTable.Row small = row(table(), "851");

        assertThat(small.citizens()).isNull();
        assertThat(small.wishes()).isEmpty();
        assertThat(small.interestGroups()).isEmpty();
        assertThat(small.suppressed()).hasSize(1 + WishType.values().length + 10).contains("citizens", "wishes.other");
    }

    @Test
    void a_lone_hidden_figure_drags_the_smallest_other_figure_of_its_column_with_it() {
        add("101", 20, WishType.MENTOR, 3, "52");
        add("461", 30, WishType.MENTOR, 12, "52");
        add("851", 12, WishType.MENTOR, 6, "52");

        WishesTable table = table();

        assertThat(row(table, "101").suppressed()).contains("wishes.mentor");
        assertThat(row(table, "851").suppressed()).as("6, the smallest other mentor figure").contains("wishes.mentor");
        assertThat(row(table, "461").wishes()).containsEntry(WishType.MENTOR, 12L);
        assertThat(table.total().wishes()).containsEntry(WishType.MENTOR, 21L);
    }

    @Test
    void zero_rests_on_no_one_and_is_shown() {
        add("101", 20, WishType.MENTOR, 8, "52");
        add("851", 12, WishType.MENTOR, 6, "52");

        assertThat(row(table(), "851").wishes()).containsEntry(WishType.FEWER_MEETINGS, 0L);
    }

    @Test
    void a_choice_made_by_everyone_or_all_but_a_few_of_a_group_is_hidden() {
        add("101", 20, WishType.MENTOR, 17, "52");
        add("461", 30, WishType.MENTOR, 12, "52");
        add("851", 6, WishType.MENTOR, 6, "52");
        add("860", 40, WishType.MENTOR, 20, "52");

        WishesTable table = table();

        assertThat(row(table, "101").suppressed()).as("17 of 20 would single out the 3 who did not")
                .contains("wishes.mentor", "interestGroups.5");
        assertThat(row(table, "851").suppressed()).as("6 of 6 tells what each of them wished")
                .contains("wishes.mentor", "interestGroups.5");
        assertThat(row(table, "860").wishes()).containsEntry(WishType.MENTOR, 20L);
    }

    @Test
    void with_nothing_else_to_hide_the_total_is_hidden_too() {
        add("101", 3, WishType.MENTOR, 3, "52");

        WishesTable table = table();

        assertThat(table.total().citizens()).isNull();
        assertThat(table.total().suppressed()).contains("citizens", "wishes.mentor");
    }

    @Test
    void with_no_one_counted_the_table_has_no_groups_and_a_total_of_zeros() {
        WishesTable table = table();

        assertThat(table.groups()).isEmpty();
        assertThat(table.total().citizens()).isZero();
        assertThat(table.total().wishes()).containsEntry(WishType.MENTOR, 0L);
        assertThat(table.total().suppressed()).isEmpty();
    }

    @Test
    void no_hidden_figure_can_be_worked_out_from_its_column_and_total() {
        Random random = new Random(20260101);
        for (int round = 0; round < 40; round++) {
            groups.clear();
            int groupCount = 2 + random.nextInt(6);
            for (int g = 0; g < groupCount; g++) {
                int citizens = 1 + random.nextInt(15);
                add(String.format("%03d", 100 + g), citizens, WishType.values()[random.nextInt(8)],
                        random.nextInt(citizens + 1), String.valueOf(random.nextInt(10)));
            }
            WishesTable table = table();
            for (String column : WishesTable.columns()) {
                List<Long> hidden = new ArrayList<>();
                long exposed = 0;
                long shown = 0;
                boolean choosers = !column.equals("citizens");
                for (int g = 0; g < groupCount; g++) {
                    WishesTable.Row row = table.groups().get(g);
                    WishesTable.Counts counts = groups.get(row.group());
                    long value = figure(counts, column);
                    if (row.suppressed().contains(column)) {
                        hidden.add(value);
                        exposed += choosers ? SmallCells.exposed(value, counts.citizens) : value;
                    } else {
                        assertThat(value < 1 || value > 4).as("a shown figure is never 1-4").isTrue();
                        assertThat(choosers && SmallCells.revealsOthers(value, counts.citizens))
                                .as("a shown count never singles out the few others of its group").isFalse();
                        shown += value;
                    }
                }
                if (!table.total().suppressed().contains(column)) {
                    long hiddenSum = hidden.stream().mapToLong(Long::longValue).sum();
                    boolean onlyEmpty = hidden.stream().allMatch(v -> v == 0);
                    assertThat(hidden.size()).as("column %s, round %d", column, round).isNotEqualTo(1);
                    assertThat(onlyEmpty || exposed >= 5).as("column %s, round %d", column, round).isTrue();
                    assertThat(figure(table.total(), column)).isEqualTo(shown + hiddenSum);
                }
            }
        }
    }

    private static long figure(WishesTable.Counts counts, String column) {
        WishesTable.Counts c = counts;
        if (column.equals("citizens")) {
            return c.citizens;
        }
        if (column.startsWith("wishes.")) {
            return c.wishes[WishType.fromCode(column.substring(7)).ordinal()];
        }
        return c.interestGroups.get(column.substring("interestGroups.".length()));
    }

    private static long figure(WishesTable.Row row, String column) {
        if (column.equals("citizens")) {
            return row.citizens();
        }
        if (column.startsWith("wishes.")) {
            return row.wishes().get(WishType.fromCode(column.substring(7)));
        }
        Map<String, Long> groups = row.interestGroups();
        return groups.get(column.substring("interestGroups.".length()));
    }
}
