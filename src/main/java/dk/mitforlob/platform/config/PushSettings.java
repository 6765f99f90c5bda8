package dk.mitforlob.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How push notifications leave the service: through Firebase Cloud Messaging, or written to the log
 * (demo mode's default). Reminders are claimed with leases of {@code lease}; a crashed instance's
 * claims are taken over once it has passed.
 *
 * @param endpoint where FCM's HTTP v1 API is; only tests and proxies change it
 */
public record PushSettings(Delivery delivery, Optional<String> projectId, Optional<Path> credentials, URI endpoint,
                           Duration lease) {

    public enum Delivery { LOG, FCM }

    public static final URI FCM_ENDPOINT = URI.create("https://fcm.googleapis.com");
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    public PushSettings {
        if (!("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("MITFORLOB_FCM_ENDPOINT must be an http(s) address");
        }
        if (lease.compareTo(Duration.ofSeconds(5)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("MITFORLOB_REMINDER_LEASE_SECONDS must be between 5 and 3600");
        }
    }

    /** Refuses FCM without a project and a key: better not to start than to drop every push. */
    void requireComplete() {
        if (delivery == Delivery.FCM && (projectId.isEmpty() || credentials.isEmpty())) {
            throw new IllegalArgumentException("Push through FCM needs MITFORLOB_FCM_PROJECT_ID and "
                    + "GOOGLE_APPLICATION_CREDENTIALS (a service account key file); or set MITFORLOB_PUSH=log");
        }
    }

    /** Pushes written to the log only. */
    public static PushSettings logOnly() {
        return new PushSettings(Delivery.LOG, Optional.empty(), Optional.empty(), FCM_ENDPOINT, DEFAULT_LEASE);
    }

    /** Reads the push settings; production pushes through FCM unless told otherwise. */
    static PushSettings fromEnvironment(Map<String, String> env, Settings.Mode mode) {
        String deliveryName = value(env, "MITFORLOB_PUSH").orElse(mode == Settings.Mode.DEMO ? "log" : "fcm");
        Delivery delivery = switch (deliveryName.toLowerCase()) {
            case "log" -> Delivery.LOG;
            case "fcm" -> Delivery.FCM;
            default -> throw new IllegalArgumentException("MITFORLOB_PUSH must be 'fcm' or 'log'");
        };
        URI endpoint;
        try {
            endpoint = value(env, "MITFORLOB_FCM_ENDPOINT").map(URI::create).orElse(FCM_ENDPOINT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MITFORLOB_FCM_ENDPOINT must be an http(s) address");
        }
        long leaseSeconds;
        try {
            leaseSeconds = value(env, "MITFORLOB_REMINDER_LEASE_SECONDS").map(Long::parseLong)
                    .orElse(DEFAULT_LEASE.toSeconds());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MITFORLOB_REMINDER_LEASE_SECONDS must be a whole number");
        }
        return new PushSettings(delivery, value(env, "MITFORLOB_FCM_PROJECT_ID"),
                value(env, "GOOGLE_APPLICATION_CREDENTIALS").map(Path::of), endpoint, Duration.ofSeconds(leaseSeconds));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
