package dk.mitforlob.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every figure a round's results can publish, for both groupings at once, and every relation an
 * attacker knows between them. Rows: the municipalities, then the programmes, then the total (the
 * same total for both groupings). Columns: invited, answered, and per answerable item the number of
 * answers and the count of each value.
 *
 * <p>The relations: in each grouping every column adds up to the total; in every row the value
 * counts of a single-answer item add up to its answers; a required item shown to everyone has as
 * many answers as the row has respondents; a required item shown on a condition has as many
 * answers as the answers that meet it (when that is a sum of counts of one item).
 */
final class ResultsGrid {

    enum Kind { INVITED, ANSWERED, ANSWERS, VALUE }

    record Column(Kind kind, Item item, String value) {
    }

    /** A linear relation: the sum of coefficient × figure is zero. Figures are {@code row * columns + column}. */
    record Equation(int[] figures, long[] coefficients) {
    }

    final List<String> municipalities;
    final List<String> programmes;
    final List<Column> columns = new ArrayList<>();
    final long[][] values;
    final List<Equation> equations = new ArrayList<>();

    ResultsGrid(Definition definition, SurveyRound.InvitedCounts invited, List<Tally> tallies) {
        Set<String> m = new TreeSet<>();
        Set<String> p = new TreeSet<>();
        if (invited != null) {
            invited.byMunicipality().forEach((code, count) -> addIf(m, code, count));
            invited.byProgramme().forEach((code, count) -> addIf(p, code, count));
        }
        tallies.forEach(t -> {
            m.add(t.municipality());
            p.add(t.programme());
        });
        municipalities = List.copyOf(m);
        programmes = List.copyOf(p);
        columns.add(new Column(Kind.INVITED, null, null));
        columns.add(new Column(Kind.ANSWERED, null, null));
        for (Item item : definition.items()) {
            if (item.type().answerable()) {
                columns.add(new Column(Kind.ANSWERS, item, null));
                item.values().forEach(value -> columns.add(new Column(Kind.VALUE, item, value)));
            }
        }
        values = new long[rows()][columns.size()];
        fill(invited, tallies);
        relations(definition);
    }

    private static void addIf(Set<String> groups, String code, long count) {
        if (count > 0) {
            groups.add(code);
        }
    }

    int rows() {
        return municipalities.size() + programmes.size() + 1;
    }

    int total() {
        return rows() - 1;
    }

    int figure(int row, int column) {
        return row * columns.size() + column;
    }

    int column(Kind kind, String itemId, String value) {
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.kind() == kind && (itemId == null || column.item().id().equals(itemId))
                    && (value == null || value.equals(column.value()))) {
                return c;
            }
        }
        throw new IllegalArgumentException(kind + " " + itemId + " " + value);
    }

    /** The rows of one grouping: municipalities or programmes. */
    List<Integer> rowsOf(boolean byMunicipality) {
        List<Integer> rows = new ArrayList<>();
        int from = byMunicipality ? 0 : municipalities.size();
        int to = byMunicipality ? municipalities.size() : municipalities.size() + programmes.size();
        for (int r = from; r < to; r++) {
            rows.add(r);
        }
        return rows;
    }

    private void fill(SurveyRound.InvitedCounts invited, List<Tally> tallies) {
        for (int r = 0; r < municipalities.size(); r++) {
            values[r][0] = invited == null ? 0 : invited.byMunicipality().getOrDefault(municipalities.get(r), 0L);
        }
        for (int r = 0; r < programmes.size(); r++) {
            values[municipalities.size() + r][0] = invited == null ? 0
                    : invited.byProgramme().getOrDefault(programmes.get(r), 0L);
        }
        values[total()][0] = invited == null ? 0 : invited.total();
        for (Tally tally : tallies) {
            int[] rows = {municipalities.indexOf(tally.municipality()),
                    municipalities.size() + programmes.indexOf(tally.programme()), total()};
            for (int row : rows) {
                values[row][1] += tally.answered();
                for (int c = 2; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    values[row][c] += tally.count(column.kind() == Kind.ANSWERS ? Tally.answers(column.item().id())
                            : Tally.value(column.item().id(), column.value()));
                }
            }
        }
    }

    private void relations(Definition definition) {
        int total = total();
        for (boolean byMunicipality : new boolean[] {true, false}) {
            List<Integer> rows = rowsOf(byMunicipality);
            for (int c = 0; c < columns.size(); c++) {
                int[] figures = new int[rows.size() + 1];
                long[] coefficients = new long[rows.size() + 1];
                for (int i = 0; i < rows.size(); i++) {
                    figures[i] = figure(rows.get(i), c);
                    coefficients[i] = 1;
                }
                figures[rows.size()] = figure(total, c);
                coefficients[rows.size()] = -1;
                equations.add(new Equation(figures, coefficients));
            }
        }
        for (int row = 0; row < rows(); row++) {
            for (Item item : definition.items()) {
                rowRelations(definition, row, item);
            }
        }
    }

    private void rowRelations(Definition definition, int row, Item item) {
        if (!item.type().answerable()) {
            return;
        }
        int answers = column(Kind.ANSWERS, item.id(), null);
        if (item.type().exclusive()) {
            List<Integer> parts = new ArrayList<>();
            item.values().forEach(value -> parts.add(column(Kind.VALUE, item.id(), value)));
            add(row, parts, answers);
        }
        if (!item.isRequired()) {
            return;
        }
        if (item.enableWhen().isEmpty()) {
            add(row, List.of(column(Kind.ANSWERED, null, null)), answers);
            return;
        }
        String on = item.enableWhen().getFirst().question();
        if (item.enableWhen().stream().anyMatch(c -> !c.question().equals(on))) {
            return;
        }
        Item condition = definition.item(on);
        if (condition.type().exclusive()) {
            List<Integer> parts = new ArrayList<>();
            for (String value : condition.values()) {
                Object answer = condition.type().numeric() ? (Object) Integer.valueOf(value) : value;
                if (item.shown(Map.of(on, answer))) {
                    parts.add(column(Kind.VALUE, on, value));
                }
            }
            add(row, parts, answers);
        } else if (item.enableWhen().size() == 1) {
            Condition only = item.enableWhen().getFirst();
            int ticked = column(Kind.VALUE, on, only.answer().asText());
            if (only.operator() == Condition.Operator.EQUALS) {
                add(row, List.of(ticked), answers);
            } else {
                equations.add(new Equation(new int[] {figure(row, answers), figure(row, column(Kind.ANSWERS, on, null)),
                        figure(row, ticked)}, new long[] {1, -1, 1}));
            }
        }
    }

    /** Sum of the parts = the whole, in one row. */
    private void add(int row, List<Integer> parts, int whole) {
        int[] figures = new int[parts.size() + 1];
        long[] coefficients = new long[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            figures[i] = figure(row, parts.get(i));
            coefficients[i] = 1;
        }
        figures[parts.size()] = figure(row, whole);
        coefficients[parts.size()] = -1;
        equations.add(new Equation(figures, coefficients));
    }
}
