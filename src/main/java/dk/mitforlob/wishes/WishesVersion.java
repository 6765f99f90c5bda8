package dk.mitforlob.wishes;

import java.time.Instant;
import java.util.List;

/**
 * One version of a citizen's wishes: the whole document as it became, when, and what changed from
 * the version before. Versions are never changed or removed; the history is all of them.
 */
public record WishesVersion(long version, Wishes wishes, Instant changedAt, WishesChange change) {

    /** Version 0, before the citizen has stated anything. */
    public static WishesVersion nothingStated() {
        return new WishesVersion(0, Wishes.none(), null,
                new WishesChange(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null));
    }
}
