package dk.mitforlob.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * Registering the devices pushes go to. The app registers at every start, so a device not seen
 * for 60 days is gone (uninstalled, or a phone in a drawer) and is pruned.
 */
public final class Devices {

    static final Duration STALE_AFTER = Duration.ofDays(60);
    /** A citizen with more phones than this has old ones registered; the least recently seen go. */
    static final int MAX_PER_CITIZEN = 10;
    private static final Pattern INSTALLATION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final DeviceRepository repository;
    private final Clock clock;
    private final Duration staleAfter;

    public Devices(DeviceRepository repository, Clock clock) {
        this(repository, clock, STALE_AFTER);
    }

    /** Devices unseen for {@code staleAfter} are pruned (MITFORLOB_RETENTION_DEVICES_DAYS). */
    public Devices(DeviceRepository repository, Clock clock, Duration staleAfter) {
        this.repository = repository;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** The outcome of a registration: the device as stored, and whether it is new. */
    public record Registered(Device device, boolean created) {
    }

    public Registered register(Citizen citizen, String installationId, DeviceInput input) {
        requireInstallationId(installationId);
        input.validate();
        // as stored: the store keeps milliseconds, so the first answer matches every later one
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Device> existing = repository.ofCitizen(citizen.id());
        Instant registeredAt = existing.stream().filter(d -> d.installationId().equals(installationId))
                .map(Device::registeredAt).findFirst().orElse(now);
        Device device = new Device(installationId, citizen.id(), input.token(), input.platform(), input.appVersion(),
                input.language(), registeredAt, now);
        boolean created = repository.register(device);
        List<Device> others = existing.stream().filter(d -> !d.installationId().equals(installationId))
                .sorted(Comparator.comparing(Device::lastSeenAt).reversed()).toList();
        for (Device old : others.subList(Math.min(others.size(), MAX_PER_CITIZEN - 1), others.size())) {
            repository.remove(citizen.id(), old.installationId());
        }
        return new Registered(device, created);
    }

    /** Removes a device; removing one that is not there is not an error (the app may retry). */
    public void remove(Citizen citizen, String installationId) {
        requireInstallationId(installationId);
        repository.remove(citizen.id(), installationId);
    }

    /** Removes every device not seen for the retention (60 days by default); how many. */
    public int prune() {
        return repository.removeNotSeenSince(clock.instant().minus(staleAfter));
    }

    static void requireInstallationId(String installationId) {
        if (installationId == null || !INSTALLATION_ID.matcher(installationId).matches()) {
            String message = "must be 8-64 of A-Za-z0-9_-";
            throw Rejection.badRequest("invalid-parameter", "Path parameter 'installationId' " + message)
                    .withErrors(List.of(new FieldError("installationId", message)));
        }
    }
}
