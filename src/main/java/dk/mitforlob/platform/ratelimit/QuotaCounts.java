package dk.mitforlob.platform.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of this instance in front of the shared {@link QuotaCounter}. A caller far from its
 * quota (every real user) is counted here and added to the shared count once a second
 * ({@link #flush()}), so an ordinary request costs no write; from an eighth of its quota on, a
 * caller is counted in the shared store on every request, so the quota holds exactly where it
 * matters. Far from the quota the counts an instance sees may lag the others' by a second; with up
 * to {@value #EXACT_UP_TO_INSTANCES} instances that cannot bring anyone over it (each admits less
 * than an eighth before it counts in the shared store).
 */
public final class QuotaCounts {

    /** How many instances may share the load before a burst could pass the quota by counting locally. */
    public static final int EXACT_UP_TO_INSTANCES = 8;

    private final QuotaCounter shared;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public QuotaCounts(QuotaCounter shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** One caller's window as this instance knows it: the shared count at the last look, and what it added since. */
    private static final class Window {
        final Instant end;
        final AtomicLong pending = new AtomicLong();
        volatile long known;

        Window(Instant end) {
            this.end = end;
        }
    }

    /** Counts one request of {@code key} in the window ending at {@code windowEnd}; the count it makes, across instances. */
    public long count(String key, Instant windowEnd, int quota) {
        Window window = windows.computeIfAbsent(key, k -> new Window(windowEnd));
        long local = window.known + window.pending.get() + 1;
        if (EXACT_UP_TO_INSTANCES * local < quota) {
            return window.known + window.pending.incrementAndGet();
        }
        long delta = window.pending.getAndSet(0) + 1;
        long total;
        try {
            total = shared.add(key, delta, windowEnd);
        } catch (RuntimeException e) {
            window.pending.addAndGet(delta);
            throw e;
        }
        window.known = total;
        return total;
    }

    /** Adds what this instance counted to the shared counts, and forgets windows that have ended. */
    public void flush() {
        Instant now = clock.instant();
        for (Map.Entry<String, Window> entry : windows.entrySet()) {
            Window window = entry.getValue();
            long delta = window.pending.getAndSet(0);
            if (delta > 0) {
                try {
                    window.known = shared.add(entry.getKey(), delta, window.end);
                } catch (RuntimeException e) {
                    // the store is away (its health check says so): keep the counts for the next flush
                    window.pending.addAndGet(delta);
                    return;
                }
            }
            if (!window.end.isAfter(now)) {
                windows.remove(entry.getKey(), window);
            }
        }
    }
}
