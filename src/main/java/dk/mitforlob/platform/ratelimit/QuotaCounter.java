package dk.mitforlob.platform.ratelimit;

import java.time.Instant;

/** Counts requests per key and window in a store every instance of the service shares. */
public interface QuotaCounter {

    /** Adds {@code delta} requests to {@code key}'s count for the window that ends at {@code windowEnd}; the new total. */
    long add(String key, long delta, Instant windowEnd);
}
