package dk.mitforlob.platform.config;

import java.time.Duration;
import java.util.Map;

/**
 * How long each kind of data is kept (README "Retention" has the reasons). From the environment,
 * each in days or years, with a floor where the law or the API's promises set one: a setting below it
 * stops the service from starting rather than deleting what must be kept.
 *
 * @param audit             the audit log
 * @param idempotency       Idempotency-Key records
 * @param notifications     in-app notifications
 * @param deliveryLogs      reminders and their delivery logs, once settled
 * @param devices           devices not seen for this long are removed
 * @param endedProgrammes   citizens whose programme ended this long ago are deleted with their data
 */
public record Retention(Duration audit, Duration idempotency, Duration notifications, Duration deliveryLogs,
                        Duration devices, int endedProgrammeYears) {

    public static final Retention DEFAULTS = new Retention(Duration.ofDays(5 * 366), Duration.ofDays(8),
            Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(60), 5);

    public static Retention fromEnvironment(Map<String, String> env) {
        return new Retention(
                days(env, "MITFORLOB_RETENTION_AUDIT_DAYS", DEFAULTS.audit, 5 * 366),
                days(env, "MITFORLOB_RETENTION_IDEMPOTENCY_DAYS", DEFAULTS.idempotency, 7),
                days(env, "MITFORLOB_RETENTION_NOTIFICATIONS_DAYS", DEFAULTS.notifications, 1),
                days(env, "MITFORLOB_RETENTION_DELIVERY_LOG_DAYS", DEFAULTS.deliveryLogs, 1),
                days(env, "MITFORLOB_RETENTION_DEVICES_DAYS", DEFAULTS.devices, 1),
                (int) number(env, "MITFORLOB_RETENTION_ENDED_PROGRAMME_YEARS", DEFAULTS.endedProgrammeYears, 1, 100));
    }

    private static Duration days(Map<String, String> env, String name, Duration fallback, long floor) {
        return Duration.ofDays(number(env, name, fallback.toDays(), floor, 100 * 366));
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + parsed);
        }
        return parsed;
    }
}
