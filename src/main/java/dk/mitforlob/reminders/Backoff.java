package dk.mitforlob.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a push again after FCM could not take it: never before FCM's {@code retry-after},
 * otherwise exponentially later (10 s, 20 s, 40 s … at most an hour), each with random jitter so
 * that a whole batch refused at once does not come back at once.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofHours(1);
    /** After this many attempts the reminder is given up as failed. */
    static final int MAX_ATTEMPTS = 8;

    private Backoff() {
    }

    /**
     * @param attempt the attempt that just failed, 1 for the first
     */
    static Instant next(Instant now, int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            long base = Math.max(retryAfter.get().toMillis(), 1);
            // up to a fifth later than asked: honours retry-after, spreads the batch
            return now.plusMillis(base + random.nextLong(base / 5 + 1));
        }
        long exponential = FIRST.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, LONGEST.toMillis());
        // "equal jitter": at least half the delay, so retries always back off
        return now.plusMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
