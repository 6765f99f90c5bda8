package dk.mitforlob.reminders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.mitforlob.platform.metrics.Counters;

/**
 * Prometheus counters of reminder delivery: {@code mitforlob_reminders_total} by outcome (queued,
 * held, sent, retry, failed, skipped) and kind, and {@code mitforlob_push_tokens_removed_total}.
 */
public final class DeliveryMetrics {

    private final Map<String, Counters.Count> counts = new ConcurrentHashMap<>();
    private final Counters.Count tokensRemoved = Counters.of("mitforlob.push.tokens.removed",
            "Device tokens removed because FCM said they are no longer valid");

    public void count(String outcome, ReminderKind kind) {
        counts.computeIfAbsent(outcome + "/" + kind.code(), key -> Counters.of("mitforlob.reminders",
                "Reminders by what became of them: queued, held (quiet hours), sent, retry, failed, skipped",
                "outcome", outcome, "kind", kind.code())).increment();
    }

    public void tokensRemoved(int count) {
        tokensRemoved.add(count);
    }
}
