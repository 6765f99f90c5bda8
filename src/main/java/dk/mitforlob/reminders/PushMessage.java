package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One push to one device. What shows on the lock screen is {@code text}; {@code data} is what the
 * app reads: the kind, the notification id and the deep link (mobile-contract/README.md).
 *
 * @param collapseId the notification id: a push sent twice replaces itself on the phone
 * @param expiresAt  FCM may drop it if it cannot deliver it before this
 */
public record PushMessage(String reminderKey, String installationId, String token, DevicePlatform platform,
                          ReminderKind kind, Texts.Text text, Map<String, String> data, String collapseId,
                          Instant expiresAt) {

    public PushMessage {
        data = Map.copyOf(data);
    }

    static PushMessage of(Reminder reminder, Device device) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", reminder.kind().code());
        data.put("id", reminder.notificationId());
        data.put("deepLink", reminder.deepLink());
        return new PushMessage(reminder.key(), device.installationId(), device.token(), device.platform(),
                reminder.kind(), reminder.texts().in(device.language()), data, reminder.notificationId(),
                reminder.expiresAt());
    }
}
