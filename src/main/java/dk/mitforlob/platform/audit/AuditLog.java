package dk.mitforlob.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Append-only record of who read which citizen's data. There is no way to change an entry; entries
 * leave only by retention ({@link #purgeBefore}), never one by one.
 */
public interface AuditLog {

    /** Appends the entries; if this fails the read it records must fail too. */
    void append(List<AuditEntry> entries);

    /**
     * The citizen's entries made by anyone but the citizen, in {@code [from, to)}, newest first,
     * after {@code after} when given, at most {@code limit}. Served by the index on citizen and time.
     */
    List<Recorded> othersOn(String citizenId, Instant from, Instant to, Optional<Position> after, int limit);

    /** Removes entries older than {@code cutoff}; returns how many. */
    long purgeBefore(Instant cutoff);

    /** An entry with its place in the log, for paging. */
    record Recorded(String id, AuditEntry entry) {
        public Position position() {
            return new Position(entry.at(), id);
        }
    }

    /** Where an entry stands in a citizen's log: its time, then its id to order entries of the same instant. */
    record Position(Instant at, String id) {
    }
}
