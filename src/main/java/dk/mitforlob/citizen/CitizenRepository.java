package dk.mitforlob.citizen;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where enrolled citizens are kept. */
public interface CitizenRepository {

    Optional<Citizen> byId(String id);

    Optional<Citizen> byCprHmac(String cprHmac);

    List<Citizen> byIds(Collection<String> ids);

    Optional<Citizen> byExternalRef(String municipality, String externalRef);

    /** Stores a new citizen; false when the id, the CPR or the municipality's reference is already taken. */
    boolean insert(Citizen citizen);

    /** Replaces the citizen if it still has {@code expectedVersion}; false when someone else changed it first. */
    boolean replace(Citizen citizen, long expectedVersion);

    /**
     * Citizens of a municipality ordered by name then id, starting after the position given.
     *
     * @param caseworkerId only those assigned to this caseworker, when present
     * @param after        name and id of the last citizen of the previous page, when there was one
     */
    List<Citizen> inMunicipality(String municipality, Optional<String> caseworkerId, Optional<Position> after,
                                 int limit);

    /** Citizens whose programme ended before {@code day}, at most {@code limit}: for retention. */
    List<Citizen> programmeEndedBefore(LocalDate day, int limit);

    /** Removes the citizen unless changed since read (re-enrolled meanwhile); true when removed. */
    boolean remove(Citizen citizen);

    /** Visits every enrolled citizen, for aggregate statistics. */
    void forEach(Consumer<Citizen> visitor);


    record Position(String name, String id) {
    }
}
