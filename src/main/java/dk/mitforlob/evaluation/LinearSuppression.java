package dk.mitforlob.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which figures of a set of tables to hide so that no combination of the published figures pins
 * down a hidden figure resting on 1 to 4 citizens: every answer that can be asked is a view of
 * one set of figures, and the relations between them (groups add up to a total, months to their
 * quarter) are given, so the decision holds across all answers at once. Used by the paid-hours
 * outcome (every group and period of a year) and the wishes release (both groupings of a month).
 *
 * <p>The figures may be released step by step (the paid-hours outcome releases one ended month at
 * a time: its figures, and those of the quarter and year it ends; the wishes release is one step).
 * A step only ever hides figures of its own release: what an earlier step showed stays shown,
 * because an evaluator may already have it. Within a step, until nothing changes: (1) primary
 * suppression; (2) every relation that a new figure is part of must not have exactly one hidden
 * figure, nor hidden parts that together rest on fewer than {@value SmallCells#THRESHOLD}
 * citizens beside a shown parent — else the smallest new shown figure of it is hidden too,
 * positive before zero; (3) every hidden figure resting on 1 to 4 citizens that the whole linear
 * system of shown figures still determines ({@link Disclosure}) takes one more new figure with
 * it, from the relation that pins it most directly.
 */
public final class LinearSuppression {

    /** A relation: the sum of coefficient × figure is zero; {@code parent} is the figure the others add up to. */
    public record Relation(int parent, int[] figures, long[] coefficients) {
    }

    private final long[] values;
    private final long[] sizes;
    private final boolean[] primary;
    private final int[] release;
    private final boolean[] fixedZero;
    private final String[] order;
    private final List<Relation> relations;
    private final Map<Integer, List<Relation>> byFigure = new HashMap<>();
    private final boolean[] hidden;
    private final int[] releaseOf;
    private final int[] everyFigure;

    /**
     * @param values    each figure's true value
     * @param sizes     how many citizens each figure rests on (what it would expose)
     * @param primary   the figures that must be hidden in any case
     * @param release   the step (1, 2, …) at which each figure is released
     * @param fixedZero figures that are known to be zero from what is shown anyway; never hidden
     * @param order     a tie-break between equal figures that does not depend on later data
     */
    public LinearSuppression(long[] values, long[] sizes, boolean[] primary, int[] release, boolean[] fixedZero,
                             String[] order, List<Relation> relations) {
        this.values = values;
        this.sizes = sizes;
        this.primary = primary;
        this.release = release;
        this.fixedZero = fixedZero;
        this.order = order;
        this.relations = relations;
        this.hidden = new boolean[values.length];
        this.everyFigure = java.util.stream.IntStream.range(0, values.length).toArray();
        this.releaseOf = new int[relations.size()];
        for (int i = 0; i < relations.size(); i++) {
            int latest = 0;
            for (int figure : relations.get(i).figures()) {
                latest = Math.max(latest, release[figure]);
            }
            releaseOf[i] = latest;
        }
        for (Relation relation : relations) {
            for (int figure : relation.figures()) {
                byFigure.computeIfAbsent(figure, f -> new ArrayList<>()).add(relation);
            }
        }
    }

    /** parent = the sum of the parts. */
    public static Relation sum(int parent, List<Integer> parts) {
        int[] figures = new int[parts.size() + 1];
        long[] coefficients = new long[parts.size() + 1];
        figures[0] = parent;
        coefficients[0] = -1;
        for (int i = 0; i < parts.size(); i++) {
            figures[i + 1] = parts.get(i);
            coefficients[i + 1] = 1;
        }
        return new Relation(parent, figures, coefficients);
    }

    /** Runs every step up to {@code steps} and returns which figures are hidden. */
    public boolean[] hide(int steps) {
        for (int step = 1; step <= steps; step++) {
            for (int f = 0; f < values.length; f++) {
                if (release[f] == step && primary[f] && !fixedZero[f]) {
                    hidden[f] = true;
                }
            }
            boolean changed = true;
            while (changed) {
                changed = relations(step);
                if (!changed) {
                    changed = repair(step);
                }
            }
        }
        return hidden;
    }

    private boolean relations(int step) {
        boolean changed = false;
        for (int i = 0; i < relations.size(); i++) {
            Relation relation = relations.get(i);
            if (releaseOf[i] != step) {
                continue;
            }
            while (!safe(relation)) {
                int next = bestNewShown(relation.figures(), step);
                if (next < 0) {
                    break;
                }
                hidden[next] = true;
                changed = true;
            }
        }
        return changed;
    }

    private boolean safe(Relation relation) {
        int count = 0;
        long restingOn = 0;
        boolean onlyZeros = true;
        for (int figure : relation.figures()) {
            if (hidden[figure]) {
                count++;
                restingOn += sizes[figure];
                onlyZeros &= values[figure] == 0;
            }
        }
        if (count == 0) {
            return true;
        }
        if (count == 1) {
            return false;
        }
        boolean parentShown = relation.parent() >= 0 && !hidden[relation.parent()];
        return !parentShown || onlyZeros || restingOn >= SmallCells.THRESHOLD;
    }

    /**
     * One more hidden figure for every exposed one, all in one pass (the check is the costly part):
     * in the tie-break order, not by index, because indices depend on groups only later data brings.
     */
    private boolean repair(int step) {
        List<Integer> exposed = new ArrayList<>(exposed(step));
        exposed.sort(java.util.Comparator.comparing(f -> order[f]));
        boolean changed = false;
        for (int figure : exposed) {
            int next = -1;
            List<Relation> pinning = new ArrayList<>(byFigure.getOrDefault(figure, List.of()));
            pinning.sort(java.util.Comparator.comparingInt(this::hiddenIn));
            for (Relation relation : pinning) {
                next = bestNewShown(relation.figures(), step);
                if (next >= 0) {
                    break;
                }
            }
            if (next < 0) {
                next = bestNewShown(everyFigure, step);
            }
            if (next >= 0) {
                hidden[next] = true;
                changed = true;
            }
        }
        return changed;
    }

    private int hiddenIn(Relation relation) {
        int count = 0;
        for (int figure : relation.figures()) {
            if (hidden[figure]) {
                count++;
            }
        }
        return count;
    }

    /** The smallest figure of this step still shown: positive figures protect, zeros only when nothing else is left. */
    private int bestNewShown(int[] figures, int step) {
        int best = -1;
        for (int figure : figures) {
            if (release[figure] != step || hidden[figure] || fixedZero[figure]) {
                continue;
            }
            if (best < 0 || better(figure, best)) {
                best = figure;
            }
        }
        return best;
    }

    private boolean better(int candidate, int current) {
        long a = values[candidate];
        long b = values[current];
        if ((a > 0) != (b > 0)) {
            return a > 0;
        }
        return a != b ? a < b : order[candidate].compareTo(order[current]) < 0;
    }

    /** The hidden figures resting on 1 to 4 citizens that the relations released so far determine. */
    Set<Integer> exposed(int step) {
        Map<Integer, Integer> unknowns = new HashMap<>();
        List<Integer> figures = new ArrayList<>();
        List<Map<Integer, Long>> rows = new ArrayList<>();
        for (int r = 0; r < relations.size(); r++) {
            Relation relation = relations.get(r);
            if (releaseOf[r] > step) {
                continue;
            }
            Map<Integer, Long> row = new HashMap<>();
            for (int i = 0; i < relation.figures().length; i++) {
                int figure = relation.figures()[i];
                if (hidden[figure]) {
                    int unknown = unknowns.computeIfAbsent(figure, f -> {
                        figures.add(f);
                        return figures.size() - 1;
                    });
                    row.merge(unknown, relation.coefficients()[i], Long::sum);
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        Set<Integer> exposed = new HashSet<>();
        for (int unknown : Disclosure.determined(rows)) {
            int figure = figures.get(unknown);
            if (SmallCells.tooFew(sizes[figure])) {
                exposed.add(figure);
            }
        }
        return exposed;
    }
}
