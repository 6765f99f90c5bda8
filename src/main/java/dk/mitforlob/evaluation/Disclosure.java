package dk.mitforlob.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which hidden figures an attacker can work out exactly from the shown ones and the relations
 * between them: the hidden figures are the unknowns of a linear system, and an unknown is
 * determined when the system's row space contains it alone. Decided by Gauss-Jordan elimination
 * over the integers modulo the prime 2^61-1 (exact, no rounding; the coefficients are small, so a
 * relation that holds over the rationals holds modulo the prime). The rows are sparse: each
 * relation names a handful of figures, so elimination stays cheap for the tables a round produces.
 */
public final class Disclosure {

    static final long PRIME = (1L << 61) - 1;

    private final Map<Integer, Map<Integer, Long>> pivots = new HashMap<>();
    /** For each non-pivot unknown, the pivots whose rows mention it. */
    private final Map<Integer, Set<Integer>> mentions = new HashMap<>();

    private Disclosure() {
    }

    /**
     * The determined unknowns.
     *
     * @param rows each relation as unknown index → coefficient (the shown figures already moved aside)
     */
    public static Set<Integer> determined(List<Map<Integer, Long>> rows) {
        Disclosure system = new Disclosure();
        rows.forEach(system::add);
        Set<Integer> determined = new HashSet<>();
        system.pivots.forEach((pivot, row) -> {
            if (row.size() == 1) {
                determined.add(pivot);
            }
        });
        return determined;
    }

    private void add(Map<Integer, Long> relation) {
        Map<Integer, Long> row = new HashMap<>();
        relation.forEach((unknown, coefficient) -> {
            long value = Math.floorMod(coefficient, PRIME);
            if (value != 0) {
                row.merge(unknown, value, Disclosure::add);
            }
        });
        row.values().removeIf(v -> v == 0);
        for (Integer pivot : new ArrayList<>(row.keySet())) {
            Map<Integer, Long> pivotRow = pivots.get(pivot);
            if (pivotRow != null && row.containsKey(pivot)) {
                subtract(row, pivotRow, row.get(pivot));
            }
        }
        if (row.isEmpty()) {
            return;
        }
        int pivot = row.keySet().iterator().next();
        long inverse = inverse(row.get(pivot));
        row.replaceAll((unknown, value) -> multiply(value, inverse));
        Set<Integer> holders = mentions.remove(pivot);
        if (holders != null) {
            for (Integer holder : holders) {
                Map<Integer, Long> other = pivots.get(holder);
                Long factor = other.get(pivot);
                if (factor != null) {
                    for (Integer unknown : other.keySet()) {
                        forget(unknown, holder);
                    }
                    subtract(other, row, factor);
                    for (Integer unknown : other.keySet()) {
                        remember(unknown, holder);
                    }
                }
            }
        }
        pivots.put(pivot, row);
        for (Integer unknown : row.keySet()) {
            remember(unknown, pivot);
        }
    }

    private void remember(int unknown, int pivot) {
        if (unknown != pivot) {
            mentions.computeIfAbsent(unknown, u -> new HashSet<>()).add(pivot);
        }
    }

    private void forget(int unknown, int pivot) {
        Set<Integer> holders = mentions.get(unknown);
        if (holders != null) {
            holders.remove(pivot);
        }
    }

    /** target -= factor × source, dropping what becomes zero. */
    private static void subtract(Map<Integer, Long> target, Map<Integer, Long> source, long factor) {
        source.forEach((unknown, value) -> {
            long updated = add(target.getOrDefault(unknown, 0L), PRIME - multiply(factor, value));
            if (updated == 0) {
                target.remove(unknown);
            } else {
                target.put(unknown, updated);
            }
        });
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum >= PRIME ? sum - PRIME : sum;
    }

    /** a × b mod 2^61-1, for a and b below the prime. */
    static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long result = (low & PRIME) + ((low >>> 61) | (high << 3));
        while (result >= PRIME) {
            result -= PRIME;
        }
        return result;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a;
        long exponent = PRIME - 2;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
            exponent >>= 1;
        }
        return result;
    }
}
