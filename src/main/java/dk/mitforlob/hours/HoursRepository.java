package dk.mitforlob.hours;

import java.time.LocalDate;
import java.util.List;

import dk.mitforlob.inbox.InboxItem;

/** Where each citizen's ledger of paid hours is kept. */
public interface HoursRepository {

    /** The citizen's ledger; an empty one at version 0 before their first registration. */
    HoursLedger ledger(String citizenId, String municipality);

    /**
     * Stores a change if the ledger is still at {@code expectedVersion}, together with the inbox item
     * it produces, in one atomic write; false when someone else changed the ledger first.
     */
    boolean save(HoursLedger.Change change, long expectedVersion, InboxItem input);

    /** Hours per citizen and month from registrations that count, dated within the period. */
    List<CitizenMonth> monthlyTotals(LocalDate from, LocalDate to);

    record CitizenMonth(String citizenId, String month, long quarters) {
    }
}
