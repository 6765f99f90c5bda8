package dk.mitforlob.wishes;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dk.mitforlob.inbox.InboxItem;

/**
 * Where wishes are kept: one record per citizen with the current version and every earlier one.
 * A new version carries the inbox item it produces, stored in the same atomic write, so the
 * caseworker cannot miss a change.
 */
public interface WishesRepository {

    Optional<WishesVersion> current(String citizenId);

    /** Every version, newest first. */
    List<WishesVersion> history(String citizenId);

    /**
     * Stores {@code next} if the current version is still {@code expectedVersion} (0: none yet), and
     * with it {@code input} for the caseworker's inbox; false when someone else wrote first.
     */
    boolean save(String citizenId, String municipality, long expectedVersion, WishesVersion next, InboxItem input);

    /** Calls {@code each} with the current wishes of every citizen who has stated any (version 1 or later). */
    void forEachCurrent(Consumer<Stated> each);

    /** A citizen's current wishes. */
    record Stated(String citizenId, Wishes wishes) {
    }
}
