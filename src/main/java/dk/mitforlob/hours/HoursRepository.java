package dk.mitforlob.hours;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.inbox.InboxItem;

/**
 * Where paid hours are kept: one {@link HoursMonth} per citizen and month, a placement for each
 * registration that is not in the month its id names (it moved, or its id is from before ids
 * named a month), and a record of every move between months while it is under way. Every write is
 * to one document; {@link RegistrationMoves} strings them together.
 */
public interface HoursRepository {

    /** The citizen's registrations dated in {@code month}; an empty month at version 0 before the first. */
    HoursMonth month(String citizenId, String municipality, YearMonth month);

    /**
     * The earliest month the citizen has registrations dated in, for reading a whole history (the
     * export); empty when none. A store that cannot tell answers empty and is read from enrollment on.
     */
    default Optional<YearMonth> earliestMonth(String citizenId) {
        return Optional.empty();
    }

    /** Several months at once, one query; months without registrations come back empty. */
    List<HoursMonth> months(String citizenId, String municipality, Collection<YearMonth> months);

    /**
     * Stores {@code next} if the month is still at the version before it, together with the inbox
     * items the change produces, in one atomic write; false when someone else changed the month first.
     */
    boolean save(HoursMonth next, List<InboxItem> input);

    /** Which month holds a registration that moved or has an id of the first shape, as far as its placement knows. */
    Optional<Placement> placement(String registrationId);

    /** Places a registration in the month where {@code revision} of it lives; never back to an older revision. */
    void replace(String citizenId, String registrationId, YearMonth month, int revision);

    /** Records a move before it starts, so that one left half done by a dying process is found and settled. */
    void moveBegun(MoveRecord move);

    void moveEnded(String token);

    /** Moves begun before {@code before} and not ended: stuck, or still under way on a slow instance. */
    List<MoveRecord> movesBegunBefore(Instant before, int limit);

    /** Where a registration is kept: the month of its current date, and the revision it moved there with. */
    record Placement(String citizenId, YearMonth month, int revision) {
    }

    /** A move of a registration from one month to another, while it is under way. */
    record MoveRecord(String token, String citizenId, String municipality, String registrationId, YearMonth from,
                      YearMonth to, int revision, Instant begun) {
    }

    /** Quarters one citizen had counted in one month, for the evaluators. */
    record CitizenMonth(String citizenId, String month, long quarters) {
    }
}
