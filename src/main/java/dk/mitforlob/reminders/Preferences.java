package dk.mitforlob.reminders;

import java.time.Clock;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.errors.Rejection;

/**
 * The rules of notification preferences: the defaults until the citizen saves their own, each save
 * a new version written only over the version read, and the weekly nudge moved when its time does.
 */
public final class Preferences {

    private final PreferencesRepository repository;
    private final HoursNudges nudges;
    private final Clock clock;

    public Preferences(PreferencesRepository repository, HoursNudges nudges, Clock clock) {
        this.repository = repository;
        this.nudges = nudges;
        this.clock = clock;
    }

    public NotificationPreferences of(Citizen citizen) {
        return repository.of(citizen.id()).orElse(NotificationPreferences.defaults());
    }

    /**
     * Saves the citizen's preferences.
     *
     * @param expectedVersion the version the app read (412 if it is no longer current)
     */
    public NotificationPreferences save(Citizen citizen, PreferencesInput input, long expectedVersion) {
        NotificationPreferences current = of(citizen);
        NotificationPreferences next = input.toPreferences(current.version() + 1, clock.instant());
        // before the version check: a phone retrying a PUT that already went through gets 200, not 412
        if (next.sameChoicesAs(current)) {
            return current;
        }
        if (expectedVersion != current.version()) {
            throw Rejection.versionConflict("Your notification preferences", current.version());
        }
        if (!repository.save(citizen.id(), next, current.version())) {
            NotificationPreferences stored = of(citizen);
            if (next.sameChoicesAs(stored)) {
                return stored;
            }
            throw Rejection.versionConflict("Your notification preferences", stored.version());
        }
        if (!next.hoursNudge().equals(current.hoursNudge())) {
            nudges.moved(citizen.id(), next.hoursNudge());
        }
        return next;
    }
}
