package dk.mitforlob.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;
import dk.mitforlob.platform.reference.Municipalities;

/**
 * A round's results for evaluators, per municipality or per programme, with a total: per group who
 * was invited and who answered; per item the number of answers, the count of each value, and for
 * likert5 and scale0to10 items the mean and the median. Free text is never here. A hidden figure is
 * absent and named in {@code suppressed} (see {@link SurveySuppression}).
 */
public final class SurveyResults {

    public enum GroupBy implements Codes.Coded {
        MUNICIPALITY("municipality"), PROGRAMME("programme");

        private final String code;

        GroupBy(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public static Optional<GroupBy> fromCode(String code) {
            return Codes.find(GroupBy.class, code);
        }
    }

    public record Result(String roundId, String questionnaireId, int questionnaireVersion, GroupBy groupBy,
                         long threshold, List<Row> groups, Row total) {
    }

    /** One group or the total; {@code group} and {@code name} are absent on the total. */
    public record Row(String group, String name, Long invited, Long answered, BigDecimal responseRate,
                      List<ItemResult> items, List<String> suppressed) {
    }

    public record ItemResult(String itemId, ItemType type, String text, Long answers, List<ValueCount> distribution,
                             BigDecimal mean, BigDecimal median, List<String> suppressed) {
    }

    /** How many answers had a value; {@code count} is absent when hidden. */
    public record ValueCount(String value, String label, Long count) {
    }

    private SurveyResults() {
    }

    public static Result compute(SurveyRound round, Definition definition, List<Tally> tallies, long threshold,
                                 GroupBy groupBy) {
        ResultsGrid grid = new ResultsGrid(definition, round.invited(), tallies);
        boolean[][] hidden = SurveySuppression.hidden(grid, threshold);
        boolean byMunicipality = groupBy == GroupBy.MUNICIPALITY;
        List<Row> groups = new ArrayList<>();
        for (int row : grid.rowsOf(byMunicipality)) {
            String code = byMunicipality ? grid.municipalities.get(row)
                    : grid.programmes.get(row - grid.municipalities.size());
            groups.add(row(grid, hidden, row, code, byMunicipality ? Municipalities.name(code).orElse(null) : null));
        }
        return new Result(round.id(), round.questionnaireId(), round.questionnaireVersion(), groupBy, threshold, groups,
                row(grid, hidden, grid.total(), null, null));
    }

    private static Row row(ResultsGrid grid, boolean[][] hidden, int r, String group, String name) {
        long[] v = grid.values[r];
        boolean[] h = hidden[r];
        List<String> suppressed = new ArrayList<>();
        Long invited = figure(v[0], h[0], "invited", suppressed);
        Long answered = figure(v[1], h[1], "answered", suppressed);
        BigDecimal rate = null;
        if (h[0] || h[1]) {
            suppressed.add("responseRate");
        } else if (v[0] > 0) {
            rate = BigDecimal.valueOf(v[1]).divide(BigDecimal.valueOf(v[0]), 3, RoundingMode.HALF_UP);
        }
        List<ItemResult> items = new ArrayList<>();
        for (int c = 2; c < grid.columns.size(); c++) {
            ResultsGrid.Column column = grid.columns.get(c);
            if (column.kind() == ResultsGrid.Kind.ANSWERS) {
                items.add(item(column.item(), v, h, c));
            }
        }
        return new Row(group, name, invited, answered, rate, items, suppressed);
    }

    private static ItemResult item(Item item, long[] v, boolean[] h, int c) {
        List<String> suppressed = new ArrayList<>();
        Long answers = figure(v[c], h[c], "answers", suppressed);
        List<ValueCount> distribution = new ArrayList<>();
        boolean allShown = !h[c];
        List<String> values = item.values();
        for (int k = 0; k < values.size(); k++) {
            String value = values.get(k);
            Long count = figure(v[c + 1 + k], h[c + 1 + k], "distribution." + value, suppressed);
            allShown &= count != null;
            distribution.add(new ValueCount(value, item.label(value, Texts.DANISH), count));
        }
        BigDecimal mean = null;
        BigDecimal median = null;
        if (item.type().numeric()) {
            if (!allShown) {
                suppressed.add("mean");
                suppressed.add("median");
            } else if (v[c] > 0) {
                long[] counts = new long[values.size()];
                System.arraycopy(v, c + 1, counts, 0, counts.length);
                int first = Integer.parseInt(values.getFirst());
                mean = mean(counts, first, v[c]);
                median = median(counts, first, v[c]);
            }
        }
        return new ItemResult(item.id(), item.type(), Texts.in(item.text(), Texts.DANISH), answers, distribution,
                mean, median, suppressed);
    }

    private static Long figure(long value, boolean hidden, String name, List<String> suppressed) {
        if (hidden) {
            suppressed.add(name);
            return null;
        }
        return value;
    }

    static BigDecimal mean(long[] counts, int firstValue, long n) {
        long sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += (firstValue + k) * counts[k];
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** The median of the answers the counts describe; the mean of the two middle ones when their number is even. */
    static BigDecimal median(long[] counts, int firstValue, long n) {
        long lower = (n - 1) / 2;
        long upper = n / 2;
        return BigDecimal.valueOf(valueAt(counts, firstValue, lower) + valueAt(counts, firstValue, upper))
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    private static long valueAt(long[] counts, int firstValue, long position) {
        long seen = 0;
        for (int k = 0; k < counts.length; k++) {
            seen += counts[k];
            if (position < seen) {
                return firstValue + k;
            }
        }
        throw new IllegalArgumentException("position " + position + " beyond " + seen);
    }
}
