package dk.mitforlob.reminders;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where the citizens' notification preferences are kept. */
public interface PreferencesRepository {

    Optional<NotificationPreferences> of(String citizenId);

    /** The saved preferences of these citizens, by id; those who never saved any are left out. */
    Map<String, NotificationPreferences> ofCitizens(Collection<String> citizenIds);

    /** Saves {@code preferences} if the stored version is still {@code expectedVersion} (0: none saved). */
    boolean save(String citizenId, NotificationPreferences preferences, long expectedVersion);
}
