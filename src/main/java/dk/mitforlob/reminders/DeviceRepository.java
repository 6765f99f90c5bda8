package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where the citizens' devices are kept: one per installation, and a token at one installation only. */
public interface DeviceRepository {

    /**
     * Stores the device under its installation id, for whichever citizen now uses it, and removes
     * its token from any other installation (the token has moved to this one); true if it is new.
     */
    boolean register(Device device);

    /** Removes the citizen's device; false if they had none with this id. */
    boolean remove(String citizenId, String installationId);

    List<Device> ofCitizen(String citizenId);

    List<Device> ofCitizens(Collection<String> citizenIds);

    /** Removes the devices with these tokens (FCM said they are no longer valid); how many. */
    int removeTokens(Collection<String> tokens);

    /** Removes the devices not seen since {@code before}; how many. */
    int removeNotSeenSince(Instant before);
}
