package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An entry in the citizen's in-app list: there whatever the devices or quiet hours, which hold back only the push. */
public record Notification(String id, String citizenId, ReminderKind kind, Texts texts, String deepLink,
                           Instant createdAt, Optional<Instant> readAt) {

    public Notification {
        Objects.requireNonNull(id);
        Objects.requireNonNull(citizenId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(texts);
        Objects.requireNonNull(deepLink);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(readAt);
    }

    static Notification of(Reminder reminder, Instant now) {
        return new Notification(reminder.notificationId(), reminder.citizenId(), reminder.kind(), reminder.texts(),
                reminder.deepLink(), now, Optional.empty());
    }

    public boolean read() {
        return readAt.isPresent();
    }
}
