package dk.mitforlob.hours;

import java.util.ArrayList;
import java.util.List;

import dk.mitforlob.evaluation.LinearSuppression;

/**
 * The relations an evaluator can subtract along, for each kind of figure of an {@link OutcomeCube},
 * and the suppression decided against them ({@link LinearSuppression}):
 * <ul>
 * <li>every figure: in each period, the municipalities add up to everyone, and so do the programmes;</li>
 * <li>total hours: a quarter's months add up to the quarter, a year's quarters to the year;</li>
 * <li>citizens with hours do not add up over months (one citizen may have hours in several), but a
 * period with hours in only one of its parts has exactly that part's figure;</li>
 * <li>citizens in the programme are counted at the end of a period, so only months carry them.</li>
 * </ul>
 */
final class OutcomeRelations {

    private OutcomeRelations() {
    }

    static void decide(OutcomeCube cube, int steps) {
        for (OutcomeCube.Figure figure : OutcomeCube.Figure.values()) {
            decide(cube, figure, steps);
        }
    }

    private static void decide(OutcomeCube cube, OutcomeCube.Figure figure, int steps) {
        List<OutcomePeriod> periods = cube.periods();
        int cells = cube.groupCount() * OutcomeCube.PERIODS_IN_A_YEAR;
        long[] values = new long[cells];
        long[] sizes = new long[cells];
        boolean[] primary = new boolean[cells];
        int[] release = new int[cells];
        boolean[] fixedZero = new boolean[cells];
        String[] order = new String[cells];
        // the periods not yet ended have cells too, never released, so that every index stays put as they end
        java.util.Arrays.fill(order, "");
        java.util.Arrays.fill(fixedZero, true);
        for (int g = 0; g < cube.groupCount(); g++) {
            for (int p = 0; p < periods.size(); p++) {
                OutcomePeriod period = periods.get(p);
                int cell = cube.cell(g, p);
                boolean carried = figure != OutcomeCube.Figure.IN_PROGRAMME
                        || period.level() == OutcomePeriod.Level.MONTH;
                values[cell] = cube.value(figure, g, p);
                sizes[cell] = cube.restsOn(figure, g, p);
                primary[cell] = carried && cube.mustHide(figure, g, p);
                release[cell] = period.last().getMonthValue();
                // a group with no one in the programme is known to be all zeros (it is left out of the answer)
                fixedZero[cell] = !carried || cube.inProgramme(g, p) == 0;
                order[cell] = period.last() + "|" + period.level().ordinal() + "|" + cube.kind(g).ordinal() + "|"
                        + cube.groupCode(g);
            }
        }
        List<LinearSuppression.Relation> relations = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            OutcomePeriod period = periods.get(p);
            if (figure == OutcomeCube.Figure.IN_PROGRAMME && period.level() != OutcomePeriod.Level.MONTH) {
                continue;
            }
            for (OutcomeCube.Kind kind : List.of(OutcomeCube.Kind.MUNICIPALITY, OutcomeCube.Kind.PROGRAMME)) {
                List<Integer> parts = new ArrayList<>();
                for (int g : cube.groupsOf(kind)) {
                    parts.add(cube.cell(g, p));
                }
                relations.add(sum(cube.cell(OutcomeCube.ALL, p), parts));
            }
            for (int g = 0; g < cube.groupCount(); g++) {
                List<Integer> children = new ArrayList<>();
                for (OutcomePeriod child : period.children()) {
                    children.add(cube.cell(g, cube.periodIndex(child)));
                }
                if (children.isEmpty()) {
                    continue;
                }
                if (figure == OutcomeCube.Figure.TOTAL_HOURS) {
                    relations.add(sum(cube.cell(g, p), children));
                } else if (figure == OutcomeCube.Figure.WITH_HOURS) {
                    List<Integer> withAny = children.stream().filter(c -> values[c] > 0).toList();
                    if (withAny.size() == 1) {
                        relations.add(sum(cube.cell(g, p), withAny));
                    }
                }
            }
        }
        boolean[] hidden = new LinearSuppression(values, sizes, primary, release, fixedZero, order, relations)
                .hide(steps);
        cube.decided(figure, primary, hidden);
    }

    private static LinearSuppression.Relation sum(int parent, List<Integer> parts) {
        return LinearSuppression.sum(parent, parts);
    }
}
