package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.List;

/**
 * One line of a reminder's delivery log: {@code queued}, {@code held}, {@code sent} (with the FCM
 * message ids), {@code retry} and {@code failed} (with FCM's error), {@code skipped} (with the reason).
 */
public record DeliveryEvent(Instant at, String outcome, String detail, List<String> messageIds) {

    public DeliveryEvent {
        messageIds = List.copyOf(messageIds);
    }
}
