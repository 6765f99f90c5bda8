package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.Objects;

import dk.mitforlob.citizen.Language;

/**
 * An installation of the app that receives pushes for a citizen.
 *
 * @param installationId the app's own id for this installation, stable until it is reinstalled
 * @param token          the FCM registration token; a credential of sorts, never logged or shown
 * @param language       the device's language, which picks the words of its pushes
 * @param lastSeenAt     when the app last registered it (it does so at every start)
 */
public record Device(String installationId, String citizenId, String token, DevicePlatform platform,
                     String appVersion, Language language, Instant registeredAt, Instant lastSeenAt) {

    public Device {
        Objects.requireNonNull(installationId);
        Objects.requireNonNull(citizenId);
        Objects.requireNonNull(token);
        Objects.requireNonNull(platform);
        Objects.requireNonNull(appVersion);
        Objects.requireNonNull(language);
        Objects.requireNonNull(registeredAt);
        Objects.requireNonNull(lastSeenAt);
    }
}
