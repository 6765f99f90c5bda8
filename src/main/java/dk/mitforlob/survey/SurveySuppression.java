package dk.mitforlob.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.mitforlob.evaluation.Disclosure;
import dk.mitforlob.evaluation.SmallCells;

/**
 * Small-cell suppression of a round's results, for both groupings at once so that neither gives
 * away what the other hides.
 *
 * <p>Primary: a count of 1 to threshold-1 is hidden; so is a count that would tell about the few
 * others of its group or about all of them (everyone who answered chose this; everyone invited
 * answered), and every figure of a group or an item answered by too few.
 *
 * <p>Secondary, repeated until nothing changes: each column of each grouping is made safe against
 * its total with {@link SmallCells}, and each item's value counts against its number of answers in
 * the same way; then every hidden figure that can still be worked out exactly by subtraction — from
 * both groupings, the totals and the relations between items ({@link ResultsGrid}) — takes one more
 * figure with it from the relation that pins it, the smallest shown (positive before zero).
 */
final class SurveySuppression {

    private final ResultsGrid grid;
    private final long threshold;
    private final boolean[][] hidden;
    private final Map<Integer, List<ResultsGrid.Equation>> byFigure = new HashMap<>();

    private SurveySuppression(ResultsGrid grid, long threshold) {
        this.grid = grid;
        this.threshold = threshold;
        this.hidden = new boolean[grid.rows()][grid.columns.size()];
        for (ResultsGrid.Equation equation : grid.equations) {
            for (int figure : equation.figures()) {
                byFigure.computeIfAbsent(figure, f -> new ArrayList<>()).add(equation);
            }
        }
    }

    /** Which figures to hide, row × column of the grid. */
    static boolean[][] hidden(ResultsGrid grid, long threshold) {
        SurveySuppression suppression = new SurveySuppression(grid, threshold);
        suppression.primary();
        boolean changed = true;
        while (changed) {
            changed = suppression.columns() | suppression.itemBlocks() | suppression.repair();
        }
        return suppression.hidden;
    }

    private void primary() {
        long[][] v = grid.values;
        for (int r = 0; r < grid.rows(); r++) {
            hidden[r][0] = SmallCells.tooFew(v[r][0], threshold);
            hidden[r][1] = SmallCells.tooFew(v[r][1], threshold) || SmallCells.revealsOthers(v[r][1], v[r][0], threshold);
            boolean fewRespondents = SmallCells.tooFew(v[r][1], threshold);
            int answers = -1;
            for (int c = 2; c < grid.columns.size(); c++) {
                ResultsGrid.Column column = grid.columns.get(c);
                if (column.kind() == ResultsGrid.Kind.ANSWERS) {
                    answers = c;
                    hidden[r][c] = fewRespondents || SmallCells.tooFew(v[r][c], threshold);
                } else {
                    long n = v[r][answers];
                    hidden[r][c] = fewRespondents || SmallCells.tooFew(n, threshold)
                            || SmallCells.tooFew(v[r][c], threshold) || SmallCells.revealsOthers(v[r][c], n, threshold);
                }
            }
        }
    }

    /**
     * Each grouping's columns against the shared total row, as {@link SmallCells#suppress} does it: a
     * column with hidden figures hides at least two, together resting on at least the threshold
     * (unless all of them are zero), else one more is hidden; when none is left, the total. Unlike
     * there, positive figures are taken before zeros: hiding a zero adds no one to the protection.
     */
    private boolean columns() {
        boolean changed = false;
        int total = grid.total();
        for (boolean byMunicipality : new boolean[] {true, false}) {
            List<Integer> rows = grid.rowsOf(byMunicipality);
            for (int c = 0; c < grid.columns.size() && !rows.isEmpty(); c++) {
                while (!hidden[total][c]) {
                    int count = 0;
                    long sum = 0;
                    for (int r : rows) {
                        if (hidden[r][c]) {
                            count++;
                            sum += grid.values[r][c];
                        }
                    }
                    if (count == 0 || (count >= 2 && (sum == 0 || sum >= threshold))) {
                        break;
                    }
                    int next = -1;
                    for (int r : rows) {
                        if (!hidden[r][c] && better(grid.values[r][c], next < 0 ? -1 : grid.values[next][c], sum == 0)) {
                            next = r;
                        }
                    }
                    changed |= hide(next < 0 ? total : next, c, true);
                }
            }
        }
        return changed;
    }

    /** In every row, the value counts of a single-answer item against its number of answers. */
    private boolean itemBlocks() {
        boolean changed = false;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 2; c < grid.columns.size(); c++) {
                ResultsGrid.Column column = grid.columns.get(c);
                if (column.kind() != ResultsGrid.Kind.ANSWERS || !column.item().type().exclusive() || hidden[r][c]) {
                    continue;
                }
                int count = column.item().values().size();
                long hiddenSum = 0;
                boolean anyHidden = false;
                for (int k = 1; k <= count; k++) {
                    if (hidden[r][c + k]) {
                        anyHidden = true;
                        hiddenSum += grid.values[r][c + k];
                    }
                }
                if (anyHidden && hiddenSum < threshold) {
                    int next = smallestShown(r, c + 1, c + count);
                    changed |= next < 0 ? hide(r, c, true) : hide(r, next, true);
                }
            }
        }
        return changed;
    }

    private int smallestShown(int row, int fromColumn, int toColumn) {
        int best = -1;
        for (int c = fromColumn; c <= toColumn; c++) {
            if (!hidden[row][c] && better(grid.values[row][c], best < 0 ? -1 : grid.values[row][best])) {
                best = c;
            }
        }
        return best;
    }

    /** Positive counts protect a hidden one; zeros only when there is nothing else. Smallest first. */
    private static boolean better(long candidate, long current) {
        return better(candidate, current, false);
    }

    /**
     * As {@link #better(long, long)}, except that a hidden zero is best kept company by another zero
     * ({@code protectingZero}): two hidden zeros cannot be told apart by subtraction, and hiding a
     * large figure for the sake of a zero would cost the evaluators much and protect no one more.
     */
    private static boolean better(long candidate, long current, boolean protectingZero) {
        if (current < 0) {
            return true;
        }
        if (!protectingZero && (candidate > 0) != (current > 0)) {
            return candidate > 0;
        }
        return candidate < current;
    }

    /**
     * Hides one more figure for every hidden figure that can be worked out exactly: from the relation
     * that pins it most directly (fewest hidden figures), the smallest shown figure.
     */
    private boolean repair() {
        boolean changed = false;
        for (int figure : exposed()) {
            List<ResultsGrid.Equation> equations = new ArrayList<>(byFigure.getOrDefault(figure, List.of()));
            equations.sort(java.util.Comparator.comparingInt(this::hiddenIn));
            int best = -1;
            boolean zero = value(figure) == 0;
            for (ResultsGrid.Equation equation : equations) {
                for (int other : equation.figures()) {
                    if (!isHidden(other) && better(value(other), best < 0 ? -1 : value(best), zero)) {
                        best = other;
                    }
                }
                if (best >= 0) {
                    break;
                }
            }
            if (best < 0) {
                best = anyShownInColumn(figure % grid.columns.size());
            }
            if (best >= 0) {
                changed |= hide(best / grid.columns.size(), best % grid.columns.size(), true);
            }
        }
        return changed;
    }

    private int hiddenIn(ResultsGrid.Equation equation) {
        int hiddenFigures = 0;
        for (int figure : equation.figures()) {
            if (isHidden(figure)) {
                hiddenFigures++;
            }
        }
        return hiddenFigures;
    }

    private int anyShownInColumn(int column) {
        int best = -1;
        for (int r = 0; r < grid.rows(); r++) {
            int figure = grid.figure(r, column);
            if (!isHidden(figure) && better(value(figure), best < 0 ? -1 : value(best))) {
                best = figure;
            }
        }
        return best;
    }

    /**
     * The hidden figures an attacker can work out exactly by subtraction: the unknowns the linear
     * system of shown figures and relations determines. A hidden figure that can only be zero because
     * the figures it adds up with are all zero is left as it is, as {@link SmallCells} does: hiding a
     * zero protects no one the zero total has not already shown.
     */
    Set<Integer> exposed() {
        Map<Integer, Integer> unknowns = new HashMap<>();
        List<Integer> figures = new ArrayList<>();
        List<Map<Integer, Long>> rows = new ArrayList<>();
        for (ResultsGrid.Equation equation : grid.equations) {
            Map<Integer, Long> row = new HashMap<>();
            for (int i = 0; i < equation.figures().length; i++) {
                int figure = equation.figures()[i];
                if (isHidden(figure)) {
                    int unknown = unknowns.computeIfAbsent(figure, f -> {
                        figures.add(f);
                        return figures.size() - 1;
                    });
                    row.merge(unknown, equation.coefficients()[i], Long::sum);
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        Set<Integer> exposed = new HashSet<>();
        Disclosure.determined(rows).forEach(unknown -> exposed.add(figures.get(unknown)));
        return exposed;
    }

    private boolean isHidden(int figure) {
        return hidden[figure / grid.columns.size()][figure % grid.columns.size()];
    }

    private long value(int figure) {
        return grid.values[figure / grid.columns.size()][figure % grid.columns.size()];
    }

    private boolean hide(int row, int column, boolean hide) {
        if (hide && !hidden[row][column]) {
            hidden[row][column] = true;
            return true;
        }
        return false;
    }
}
