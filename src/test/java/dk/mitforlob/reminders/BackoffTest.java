package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Retries back off exponentially with jitter, and never come before FCM's retry-after. */
class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void retry_after_is_honoured_with_at_most_a_fifth_more() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            Instant next = Backoff.next(NOW, 1, Optional.of(Duration.ofSeconds(30)), random);
            assertThat(next).isBetween(NOW.plusSeconds(30), NOW.plusSeconds(36));
        }
    }

    @Test
    void without_retry_after_the_delay_doubles_with_each_attempt_within_half_to_all_of_it() {
        Random random = new Random(2);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(10_000L << (attempt - 1), 3_600_000L);
            for (int i = 0; i < 200; i++) {
                Duration delay = Duration.between(NOW, Backoff.next(NOW, attempt, Optional.empty(), random));
                assertThat(delay.toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void the_delay_is_capped_at_an_hour() {
        Duration delay = Duration.between(NOW, Backoff.next(NOW, 30, Optional.empty(), new Random(3)));

        assertThat(delay).isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_jitter_spreads_a_batch_refused_at_once() {
        Random random = new Random(4);
        long distinct = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> Backoff.next(NOW, 3, Optional.empty(), random)).distinct().count();

        assertThat(distinct).isGreaterThan(400);
    }
}
