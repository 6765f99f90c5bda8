package dk.mitforlob.wishes;

import java.util.List;
import java.util.Optional;

import dk.mitforlob.inbox.InboxItem;

/**
 * Where wishes are kept: one record per citizen with the current version, and every version in a
 * collection of its own, so that reading or writing the current wishes costs the same whatever
 * the history. A new version carries the inbox item it produces, stored in the same atomic write,
 * so the caseworker cannot miss a change.
 */
public interface WishesRepository {

    Optional<WishesVersion> current(String citizenId);

    /** Versions older than {@code beforeVersion}, newest first, at most {@code limit}; the current one included. */
    List<WishesVersion> history(String citizenId, long beforeVersion, int limit);

    /**
     * Stores {@code next} if the current version is still {@code expectedVersion} (0: none yet), and
     * with it {@code input} for the caseworker's inbox; false when someone else wrote first.
     */
    boolean save(String citizenId, String municipality, long expectedVersion, WishesVersion next, InboxItem input);
}
