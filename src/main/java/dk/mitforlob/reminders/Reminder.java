package dk.mitforlob.reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification to give a citizen at a due time: it enters their in-app list then, and is pushed
 * to their devices then or, inside quiet hours, when those end. Its key says what it is about
 * ({@code citizen:meeting-tomorrow:meeting:start}), so scheduling the same reminder twice finds the
 * first and a meeting moved to another time gets a reminder of its own.
 *
 * @param subjectId    the meeting, survey round, plan version or ISO week it is about
 * @param expiresAt    after this it is pointless (the meeting has begun, the round has closed)
 * @param meetingStart for meeting kinds: the start it was made for, checked again before sending
 * @param nextAt       when the dispatcher looks at it next: the due time, the end of quiet hours, a retry
 */
public record Reminder(String key, String citizenId, ReminderKind kind, String subjectId, Instant dueAt,
                       Instant expiresAt, Texts texts, String deepLink, Optional<Instant> meetingStart, Status status,
                       int attempts, Instant nextAt) {

    public enum Status { PENDING, SENT, SKIPPED, FAILED, WITHDRAWN }

    public Reminder {
        Objects.requireNonNull(key);
        Objects.requireNonNull(citizenId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(dueAt);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(texts);
        Objects.requireNonNull(deepLink);
        Objects.requireNonNull(status);
        Objects.requireNonNull(nextAt);
    }

    /** A new reminder, pending until its due time. */
    static Reminder due(String citizenId, ReminderKind kind, String subjectId, String keySuffix, Instant dueAt,
                        Instant expiresAt, Texts texts, String deepLink, Optional<Instant> meetingStart) {
        String key = citizenId + ":" + kind.code() + ":" + keySuffix;
        return new Reminder(key, citizenId, kind, subjectId, dueAt, expiresAt, texts, deepLink, meetingStart,
                Status.PENDING, 0, dueAt);
    }

    /**
     * The id of the in-app notification this reminder makes, and of its push: derived from the key,
     * so a second dispatch of the same reminder finds the notification already there. Opaque, like
     * every id the app sees (no meeting or citizen ids on the phone's notification shade).
     */
    public String notificationId() {
        return notificationIdOf(key);
    }

    static String notificationIdOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            char[] alphabet = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
            StringBuilder id = new StringBuilder(20);
            long buffer = 0;
            int bits = 0;
            for (int i = 0; id.length() < 20; i++) {
                buffer = (buffer << 8) | (digest[i] & 0xff);
                bits += 8;
                while (bits >= 5 && id.length() < 20) {
                    id.append(alphabet[(int) (buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
