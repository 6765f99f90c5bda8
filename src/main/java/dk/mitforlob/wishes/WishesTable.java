package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.mitforlob.evaluation.LinearSuppression;
import dk.mitforlob.evaluation.SmallCells;

/**
 * How often each wish and each interest group is chosen, per group of citizens, with small cells
 * suppressed ({@link SmallCells}). The columns are the number of citizens who have stated wishes,
 * each wish type and each occupation major group; a figure counts citizens, so a citizen who picks
 * two occupations of one major group counts once there. Primary suppression hides counts of 1–4
 * (in the total row too), counts that leave 1–4 others of their group, and every figure of a group
 * of fewer than 5 citizens (they all rest on those few); secondary suppression then makes each
 * column of both groupings safe against the shared total, checked exactly ({@link LinearSuppression}).
 *
 * @param groups the groups that have at least one citizen with stated wishes, in code order
 * @param total  every group together
 */
public record WishesTable(GroupBy groupBy, List<Row> groups, Row total) {

    public static final String CITIZENS = "citizens";

    public WishesTable {
        groups = List.copyOf(groups);
    }

    /**
     * One row. A hidden figure is absent from its map (or {@code citizens} is null) and its name is
     * in {@code suppressed}: {@code citizens}, {@code wishes.<wish type>}, {@code interestGroups.<major group>}.
     *
     * @param group the municipality code or programme code; null for the total
     */
    public record Row(String group, Long citizens, Map<WishType, Long> wishes, Map<String, Long> interestGroups,
                      List<String> suppressed) {
    }

    /** What is counted for one group before anything is hidden. */
    static final class Counts {
        long citizens;
        final long[] wishes = new long[WishType.values().length];
        final Map<String, Long> interestGroups = new LinkedHashMap<>();

        Counts() {
            Occupations.majorGroups().forEach(g -> interestGroups.put(g.code(), 0L));
        }

        void add(Wishes stated) {
            add(stated.wishTypes(), stated.interestGroups());
        }

        /** The counts by column name ({@link #columns()}), as a release stores them. */
        Map<String, Long> byColumn() {
            Map<String, Long> figures = new LinkedHashMap<>();
            figures.put(CITIZENS, citizens);
            for (WishType type : WishType.values()) {
                figures.put("wishes." + type.code(), wishes[type.ordinal()]);
            }
            interestGroups.forEach((group, count) -> figures.put("interestGroups." + group, count));
            return figures;
        }

        /** Counts as a release stored them; a column the release lacks (added since) counts zero. */
        static Counts ofColumns(Map<String, Long> figures) {
            Counts counts = new Counts();
            counts.citizens = figures.getOrDefault(CITIZENS, 0L);
            for (WishType type : WishType.values()) {
                counts.wishes[type.ordinal()] = figures.getOrDefault("wishes." + type.code(), 0L);
            }
            counts.interestGroups.replaceAll((group, zero) -> figures.getOrDefault("interestGroups." + group, 0L));
            return counts;
        }

        /** Counts one citizen who chose these wish types and interest groups. */
        void add(Set<WishType> wishTypes, Set<String> groups) {
            citizens++;
            wishTypes.forEach(type -> wishes[type.ordinal()]++);
            groups.forEach(group -> interestGroups.merge(group, 1L, Long::sum));
        }
    }

    /** The column names, in order: citizens, each wish type, each major group. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(CITIZENS);
        for (WishType type : WishType.values()) {
            columns.add("wishes." + type.code());
        }
        Occupations.majorGroups().forEach(g -> columns.add("interestGroups." + g.code()));
        return columns;
    }

    /** The table of one grouping, decided as if it were the only one published. */
    static WishesTable of(GroupBy groupBy, SortedMap<String, Counts> byGroup) {
        Map<GroupBy, SortedMap<String, Counts>> only = new EnumMap<>(GroupBy.class);
        only.put(groupBy, byGroup);
        return of(groupBy, only);
    }

    /**
     * One grouping's table of a release that is published in every grouping of {@code release}:
     * what is hidden is decided for all of them and their shared total at once
     * ({@link LinearSuppression}), so that subtracting one grouping's figures from the other's
     * reveals nothing hidden.
     */
    static WishesTable of(GroupBy groupBy, Map<GroupBy, SortedMap<String, Counts>> release) {
        List<String> columns = columns();
        int width = columns.size();
        List<String> keys = new ArrayList<>(List.of(""));
        List<long[]> rows = new ArrayList<>();
        long[] totals = new long[width];
        rows.add(totals);
        for (GroupBy grouping : GroupBy.values()) {
            SortedMap<String, Counts> byGroup = release.getOrDefault(grouping, new TreeMap<>());
            byGroup.forEach((group, counts) -> {
                keys.add(grouping.code() + ":" + group);
                rows.add(figures(counts));
            });
        }
        // the groups of any one grouping hold every citizen once
        release.getOrDefault(groupBy, new TreeMap<>()).values().forEach(counts -> {
            long[] row = figures(counts);
            for (int c = 0; c < width; c++) {
                totals[c] += row[c];
            }
        });
        int cells = rows.size() * width;
        long[] values = new long[cells];
        long[] sizes = new long[cells];
        boolean[] primary = new boolean[cells];
        String[] order = new String[cells];
        for (int r = 0; r < rows.size(); r++) {
            long[] row = rows.get(r);
            boolean smallGroup = SmallCells.tooFew(row[0]);
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                boolean choosers = c > 0;
                values[cell] = row[c];
                sizes[cell] = choosers ? SmallCells.exposed(row[c], row[0]) : row[c];
                primary[cell] = smallGroup || SmallCells.tooFew(row[c])
                        || (choosers && SmallCells.revealsOthers(row[c], row[0]));
                order[cell] = String.format("%s|%03d", keys.get(r), c);
            }
        }
        List<LinearSuppression.Relation> relations = new ArrayList<>();
        for (GroupBy grouping : GroupBy.values()) {
            List<Integer> groupRows = new ArrayList<>();
            for (int r = 1; r < keys.size(); r++) {
                if (keys.get(r).startsWith(grouping.code() + ":")) {
                    groupRows.add(r);
                }
            }
            for (int c = 0; c < width && !groupRows.isEmpty(); c++) {
                List<Integer> parts = new ArrayList<>();
                for (int r : groupRows) {
                    parts.add(r * width + c);
                }
                relations.add(LinearSuppression.sum(c, parts));
            }
        }
        int[] release1 = new int[cells];
        java.util.Arrays.fill(release1, 1);
        boolean[] hidden = new LinearSuppression(values, sizes, primary, release1, new boolean[cells], order,
                relations).hide(1);
        List<Row> groups = new ArrayList<>();
        String prefix = groupBy.code() + ":";
        for (int r = 1; r < keys.size(); r++) {
            if (keys.get(r).startsWith(prefix)) {
                groups.add(row(keys.get(r).substring(prefix.length()), rows.get(r),
                        java.util.Arrays.copyOfRange(hidden, r * width, (r + 1) * width), columns));
            }
        }
        return new WishesTable(groupBy, groups, row(null, totals, java.util.Arrays.copyOfRange(hidden, 0, width),
                columns));
    }

    private static long[] figures(Counts counts) {
        long[] figures = new long[1 + counts.wishes.length + counts.interestGroups.size()];
        figures[0] = counts.citizens;
        System.arraycopy(counts.wishes, 0, figures, 1, counts.wishes.length);
        int c = 1 + counts.wishes.length;
        for (long count : counts.interestGroups.values()) {
            figures[c++] = count;
        }
        return figures;
    }

    private static Row row(String group, long[] figures, boolean[] hidden, List<String> columns) {
        Map<WishType, Long> wishes = new LinkedHashMap<>();
        Map<String, Long> interestGroups = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        WishType[] types = WishType.values();
        List<Occupation> majorGroups = Occupations.majorGroups();
        for (int c = 0; c < figures.length; c++) {
            if (hidden[c]) {
                suppressed.add(columns.get(c));
            } else if (c > types.length) {
                interestGroups.put(majorGroups.get(c - 1 - types.length).code(), figures[c]);
            } else if (c > 0) {
                wishes.put(types[c - 1], figures[c]);
            }
        }
        return new Row(group, hidden[0] ? null : figures[0], wishes, interestGroups, suppressed);
    }
}
