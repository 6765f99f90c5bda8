package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.List;

/**
 * What became of a claimed reminder in one round of dispatch; each is also an entry in the
 * reminder's delivery log. Held and retried reminders stay pending for a later round.
 */
public sealed interface Settlement {

    String key();

    Instant at();

    /** Pushed; the FCM message id of each device it reached. */
    record Sent(String key, Instant at, List<String> messageIds) implements Settlement {
        public Sent {
            messageIds = List.copyOf(messageIds);
        }
    }

    /** Inside quiet hours: in the in-app list already, pushed when they end. */
    record Held(String key, Instant at, Instant until) implements Settlement {
    }

    /** FCM could not take it now (429, 5xx); tried again at {@code nextAt}. */
    record Retry(String key, Instant at, Instant nextAt, String error) implements Settlement {
    }

    /** Given up, with FCM's error. */
    record Failed(String key, Instant at, String error) implements Settlement {
    }

    /** Not pushed, for a reason: {@code preference-off}, {@code no-device}, {@code withdrawn}, {@code expired} … */
    record Skipped(String key, Instant at, String reason) implements Settlement {
    }

    /** The outcome's name in the delivery log and the metrics. */
    default String outcome() {
        return switch (this) {
            case Sent s -> "sent";
            case Held h -> "held";
            case Retry r -> "retry";
            case Failed f -> "failed";
            case Skipped s -> "skipped";
        };
    }
}
