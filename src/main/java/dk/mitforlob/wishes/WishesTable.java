package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import dk.mitforlob.evaluation.SmallCells;

/**
 * How often each wish and each interest group is chosen, per group of citizens, with small cells
 * suppressed ({@link SmallCells}). The columns are the number of citizens who have stated wishes,
 * each wish type and each occupation major group; a figure counts citizens, so a citizen who picks
 * two occupations of one major group counts once there. Primary suppression hides counts of 1–4,
 * and every figure of a group of fewer than 5 citizens (they all rest on those few); secondary
 * suppression then runs down each column, over the groups, against the total row.
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

    static WishesTable of(GroupBy groupBy, SortedMap<String, Counts> byGroup) {
        List<String> columns = columns();
        List<String> keys = new ArrayList<>(byGroup.keySet());
        int rows = keys.size();
        double[][] values = new double[rows][columns.size()];
        boolean[][] primary = new boolean[rows][columns.size()];
        long[][] sizes = new long[rows][columns.size()];
        long[] totals = new long[columns.size()];
        for (int r = 0; r < rows; r++) {
            Counts counts = byGroup.get(keys.get(r));
            long[] row = figures(counts);
            boolean smallGroup = SmallCells.tooFew(counts.citizens);
            for (int c = 0; c < row.length; c++) {
                values[r][c] = row[c];
                boolean choosers = c > 0;
                sizes[r][c] = choosers ? SmallCells.exposed(row[c], counts.citizens) : row[c];
                primary[r][c] = smallGroup || SmallCells.tooFew(row[c])
                        || (choosers && SmallCells.revealsOthers(row[c], counts.citizens));
                totals[c] += row[c];
            }
        }
        List<Row> groups = new ArrayList<>();
        boolean[] totalHidden = new boolean[columns.size()];
        if (rows > 0) {
            SmallCells.Suppression suppression = SmallCells.suppress(values, primary, sizes);
            for (int r = 0; r < rows; r++) {
                long[] row = figures(byGroup.get(keys.get(r)));
                boolean[] hidden = new boolean[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    hidden[c] = suppression.hidden(r, c);
                }
                groups.add(row(keys.get(r), row, hidden, columns));
            }
            for (int c = 0; c < columns.size(); c++) {
                totalHidden[c] = suppression.totalHidden(c);
            }
        }
        return new WishesTable(groupBy, groups, row(null, totals, totalHidden, columns));
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
