package dk.mitforlob.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Which operations of the contract the tests have called, and with which statuses. */
public final class ContractCoverage {

    private static final Map<String, Set<Integer>> SEEN = new ConcurrentHashMap<>();
    private static final AtomicLong REQUESTS = new AtomicLong();

    private ContractCoverage() {
    }

    static void record(OpenApiContract.Operation operation, int status) {
        SEEN.computeIfAbsent(operation.method() + " " + operation.template(), k -> ConcurrentHashMap.newKeySet())
                .add(status);
        REQUESTS.incrementAndGet();
    }

    public static Map<String, Set<Integer>> seen() {
        return Map.copyOf(SEEN);
    }

    public static long requests() {
        return REQUESTS.get();
    }
}
