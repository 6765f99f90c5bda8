package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The citizens' in-app notification lists. */
public interface NotificationRepository {

    /** Adds the notifications not there yet (by id); the ones already there stay as they are. */
    void addAll(List<Notification> notifications);

    /** Where a page ends: the creation time and id of its last notification. */
    record Position(Instant createdAt, String id) {
    }

    /** The citizen's notifications, newest first, after {@code after}. */
    List<Notification> page(String citizenId, Optional<Position> after, int limit);

    long unreadCount(String citizenId);

    Optional<Notification> byId(String citizenId, String id);

    /** Marks the notification read unless it is already; empty if the citizen has no such notification. */
    Optional<Notification> markRead(String citizenId, String id, Instant at);
}
