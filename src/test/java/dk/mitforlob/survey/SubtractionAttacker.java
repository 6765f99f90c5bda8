package dk.mitforlob.survey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An evaluator who wants a hidden figure: writes down every relation that holds between the
 * published figures of both groupings (columns add up to the total, value counts add up to an
 * item's answers, required items have as many answers as their condition allows) and solves the
 * system exactly, in whole numbers (fraction-free elimination), for every hidden figure. Written
 * apart from the service's own check so that the two do not share a mistake. Also used for the
 * paid-hours outcome (hours/OutcomePropertiesTest).
 */
public final class SubtractionAttacker {

    /** The published figures by name, e.g. {@code municipality/540/answered}; null where hidden. */
    private final Map<String, Long> published = new LinkedHashMap<>();
    private final List<Map<String, Long>> relations = new ArrayList<>();

    public void figure(String name, Long value) {
        published.put(name, value);
    }

    /** A relation: the sum of coefficient × figure is zero. Figures named that were never published are ignored. */
    public void relation(Map<String, Long> coefficients) {
        relations.add(coefficients);
    }

    /** The hidden figures that follow exactly from the published ones. */
    public Set<String> derivable() {
        List<String> unknowns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        published.forEach((name, value) -> {
            if (value == null) {
                index.put(name, unknowns.size());
                unknowns.add(name);
            }
        });
        List<BigInteger[]> rows = new ArrayList<>();
        for (Map<String, Long> relation : relations) {
            BigInteger[] row = new BigInteger[unknowns.size()];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            boolean any = false;
            for (Map.Entry<String, Long> term : relation.entrySet()) {
                Integer unknown = index.get(term.getKey());
                if (unknown != null) {
                    row[unknown] = row[unknown].add(BigInteger.valueOf(term.getValue()));
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        Set<String> derivable = new TreeSet<>();
        for (int pivot : reduce(rows, unknowns.size())) {
            derivable.add(unknowns.get(pivot));
        }
        return derivable;
    }

    /** Gauss-Jordan elimination in whole numbers; the pivots whose reduced row names them alone. */
    private static List<Integer> reduce(List<BigInteger[]> rows, int columns) {
        int rank = 0;
        List<Integer> pivots = new ArrayList<>();
        for (int column = 0; column < columns && rank < rows.size(); column++) {
            int found = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[column].signum() != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            BigInteger[] pivotRow = rows.remove(found);
            rows.add(rank, pivotRow);
            for (int r = 0; r < rows.size(); r++) {
                if (r != rank && rows.get(r)[column].signum() != 0) {
                    BigInteger[] row = rows.get(r);
                    BigInteger a = pivotRow[column];
                    BigInteger b = row[column];
                    BigInteger gcd = BigInteger.ZERO;
                    for (int c = 0; c < columns; c++) {
                        row[c] = row[c].multiply(a).subtract(pivotRow[c].multiply(b));
                        gcd = gcd.gcd(row[c]);
                    }
                    if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                        for (int c = 0; c < columns; c++) {
                            row[c] = row[c].divide(gcd);
                        }
                    }
                }
            }
            pivots.add(column);
            rank++;
        }
        List<Integer> alone = new ArrayList<>();
        for (int i = 0; i < pivots.size(); i++) {
            BigInteger[] row = rows.get(i);
            long nonZero = java.util.Arrays.stream(row).filter(v -> v.signum() != 0).count();
            if (nonZero == 1) {
                alone.add(pivots.get(i));
            }
        }
        return alone;
    }
}
