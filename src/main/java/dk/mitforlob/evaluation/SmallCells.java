package dk.mitforlob.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Statistical disclosure control for the evaluators' tables: no figure drawn from fewer than
 * {@value #THRESHOLD} citizens is shown, and no hidden figure can be worked out from what is shown.
 *
 * <p>A table has rows (groups: months, municipalities, programmes) and columns of counts that add
 * up over the rows to a shown total. Primary suppression hides the cells the caller marks (counts
 * of 1–4 citizens, figures resting on them, and counts that reveal the few others of their group). Secondary suppression then makes each column safe
 * against subtraction from its total: a column never has exactly one hidden cell, and the hidden
 * cells of a column never add up to fewer than {@value #THRESHOLD} (else "total minus the rest"
 * would pin them down). It hides the smallest visible cells first, and the total when nothing is
 * left to hide. This protects against subtraction along each column; it does not solve the full
 * linear-programming attack on a multi-way table, which these small tables do not need.
 * See docs/decisions/0005.
 */
public final class SmallCells {

    /** The smallest number of citizens a shown figure may rest on. */
    public static final long THRESHOLD = 5;

    private SmallCells() {
    }

    /** Which cells, and which column totals, to hide. */
    public record Suppression(boolean[][] cells, boolean[] totals) {
        public boolean hidden(int row, int column) {
            return cells[row][column];
        }

        /** Whether a column's total must be hidden; a table without rows (an empty period) hides nothing. */
        public boolean totalHidden(int column) {
            return column < totals.length && totals[column];
        }
    }

    /** True for a count of citizens that may not be shown: 1 to 4. Zero reveals no one and is shown. */
    public static boolean tooFew(long citizens) {
        return tooFew(citizens, THRESHOLD);
    }

    /** {@link #tooFew(long)} for a table with a threshold of its own (the survey's is configurable). */
    public static boolean tooFew(long citizens, long threshold) {
        return citizens > 0 && citizens < threshold;
    }

    /**
     * True when a count of those who did something, shown next to the size of their group, would
     * tell about those who did not (1 to 4 of them), or tell of every member that they did (none).
     */
    public static boolean revealsOthers(long count, long groupSize) {
        return revealsOthers(count, groupSize, THRESHOLD);
    }

    /** {@link #revealsOthers(long, long)} with a threshold of the table's own. */
    public static boolean revealsOthers(long count, long groupSize, long threshold) {
        return count > 0 && groupSize - count < threshold;
    }

    /** How many citizens a shown count exposes: the count itself, or the few it leaves out. */
    public static long exposed(long count, long groupSize) {
        return revealsOthers(count, groupSize) ? groupSize - count : count;
    }

    /**
     * Adds secondary suppression to a table.
     *
     * @param values  rows × columns of the additive figures (counts, or sums such as hours)
     * @param primary rows × columns of the cells that must be hidden in any case
     * @param sizes   rows × columns: how many citizens each cell rests on, to judge whether the
     *                hidden cells of a column together still rest on too few
     */
    public static Suppression suppress(double[][] values, boolean[][] primary, long[][] sizes) {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        boolean[][] hidden = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            hidden[r] = primary[r].clone();
        }
        boolean[] totals = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            final int column = c;
            while (true) {
                List<Integer> hiddenRows = new ArrayList<>();
                long hiddenCitizens = 0;
                for (int r = 0; r < rows; r++) {
                    if (hidden[r][column]) {
                        hiddenRows.add(r);
                        hiddenCitizens += sizes[r][column];
                    }
                }
                // cells that are truly empty (hidden with their whole row) expose no one, whatever their sum
                boolean onlyEmpty = hiddenRows.stream().allMatch(r -> values[r][column] == 0);
                boolean safe = hiddenRows.isEmpty()
                        || (hiddenRows.size() >= 2 && (onlyEmpty || hiddenCitizens >= THRESHOLD));
                if (safe || totals[column]) {
                    break;
                }
                var next = IntStream.range(0, rows).boxed()
                        .filter(r -> !hidden[r][column])
                        .min(Comparator.<Integer>comparingDouble(r -> values[r][column]).thenComparing(r -> r));
                if (next.isPresent()) {
                    hidden[next.get()][column] = true;
                } else {
                    totals[column] = true;
                }
            }
        }
        return new Suppression(hidden, totals);
    }
}
