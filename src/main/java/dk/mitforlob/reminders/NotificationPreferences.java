package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the citizen wants pushed: each kind on or off, quiet hours, and when the weekly paid-hours
 * nudge comes. Versioned like the wishes document; version 0 is the defaults, never saved.
 */
public record NotificationPreferences(long version, Map<ReminderKind, Boolean> enabled, QuietHours quietHours,
                                      NudgeTime hoursNudge, Optional<Instant> changedAt) {

    public NotificationPreferences {
        Objects.requireNonNull(quietHours);
        Objects.requireNonNull(hoursNudge);
        Objects.requireNonNull(changedAt);
        EnumMap<ReminderKind, Boolean> all = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            all.put(kind, enabled.getOrDefault(kind, true));
        }
        enabled = Collections.unmodifiableMap(all);
    }

    public static NotificationPreferences defaults() {
        return new NotificationPreferences(0, Map.of(), QuietHours.DEFAULT, NudgeTime.DEFAULT, Optional.empty());
    }

    public boolean wants(ReminderKind kind) {
        return enabled.get(kind);
    }

    /** The same choices, whatever version and time they were saved at. */
    boolean sameChoicesAs(NotificationPreferences other) {
        return enabled.equals(other.enabled) && quietHours.equals(other.quietHours)
                && hoursNudge.equals(other.hoursNudge);
    }
}
