package dk.mitforlob.reminders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.errors.Rejection;

/** The citizen's in-app list of notifications: reading it a page at a time, and marking entries read. */
public final class Notifications {

    private final NotificationRepository repository;
    private final Clock clock;

    public Notifications(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Up to {@code limit + 1} notifications after {@code after}, newest first: the extra one says there is more. */
    public List<Notification> page(Citizen citizen, Optional<NotificationRepository.Position> after, int limit) {
        return repository.page(citizen.id(), after, limit + 1);
    }

    public long unreadCount(Citizen citizen) {
        return repository.unreadCount(citizen.id());
    }

    /** Marks a notification read; marking it again changes nothing. */
    public Notification markRead(Citizen citizen, String notificationId) {
        return repository.markRead(citizen.id(), notificationId, clock.instant())
                .orElseThrow(() -> Rejection.notFound("notification-not-found",
                        "You have no notification with id " + notificationId));
    }
}
