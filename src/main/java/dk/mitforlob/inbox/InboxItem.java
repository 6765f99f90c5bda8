package dk.mitforlob.inbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of input from a citizen, as the caseworker's inbox and the case system's event feed
 * show it. The id is chosen by the feature that produced the input and is deterministic, so
 * delivering the same input twice stores it once.
 *
 * @param summary a line a caseworker can read, in Danish (the job centres' language)
 * @param details the input itself, structured, for case systems and detail views
 * @param seq     position in the municipality's event feed, set when the item is delivered
 */
public record InboxItem(String id, String municipality, String citizenId, InputType type, Instant occurredAt,
                        String summary, Map<String, Object> details, Optional<Long> seq, Optional<ReadMark> read) {

    public InboxItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(citizenId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(summary);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(seq);
        Objects.requireNonNull(read);
    }

    /** A new item, not yet delivered or read. */
    public static InboxItem of(String id, String municipality, String citizenId, InputType type, Instant occurredAt,
                               String summary, Map<String, Object> details) {
        return new InboxItem(id, municipality, citizenId, type, occurredAt, summary, details, Optional.empty(),
                Optional.empty());
    }

    /** Who marked an item read, and when. */
    public record ReadMark(String by, Instant at) {
    }
}
