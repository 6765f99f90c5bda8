package dk.mitforlob.wishes;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.InputType;
import dk.mitforlob.platform.errors.Rejection;

/**
 * The rules of the citizen's interests and wishes: each change is a new version, written only over
 * the version the citizen read, and each goes to the caseworker's inbox with an account of what
 * changed. Sending what is already there changes nothing, whatever version it names.
 */
public final class StatedWishes {

    private final WishesRepository repository;
    private final Clock clock;

    public StatedWishes(WishesRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The current version; version 0 with an empty document before the citizen has stated anything. */
    public WishesVersion current(Citizen citizen) {
        return repository.current(citizen.id()).orElse(WishesVersion.nothingStated());
    }

    /** Every version, newest first. */
    public List<WishesVersion> history(Citizen citizen) {
        return repository.history(citizen.id(), Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Versions older than {@code beforeVersion}, newest first, at most {@code limit}: a page of the history. */
    public List<WishesVersion> history(Citizen citizen, long beforeVersion, int limit) {
        return repository.history(citizen.id(), beforeVersion, limit);
    }

    /** The outcome of stating wishes: the version now current, and whether this call made it. */
    public record Stated(WishesVersion current, boolean changed) {
    }

    /**
     * Makes {@code input} the citizen's wishes.
     *
     * @param expectedVersion the version the citizen read (412 if it is no longer current)
     */
    public Stated state(Citizen citizen, Wishes input, long expectedVersion) {
        input.validate();
        Wishes next = input.canonical();
        WishesVersion current = current(citizen);
        // before the version check: a phone retrying a PUT that already went through gets 200, not 412
        if (next.equals(current.wishes())) {
            return new Stated(current, false);
        }
        if (expectedVersion != current.version()) {
            throw Rejection.versionConflict("Your wishes", current.version());
        }
        Instant now = clock.instant();
        WishesVersion version = new WishesVersion(current.version() + 1, next, now,
                WishesChange.between(current.wishes(), next));
        if (!repository.save(citizen.id(), citizen.municipality(), current.version(), version,
                inboxItem(citizen, version))) {
            WishesVersion stored = current(citizen);
            if (next.equals(stored.wishes())) {
                // the same document, sent twice at once: the other copy stored it
                return new Stated(stored, false);
            }
            throw Rejection.versionConflict("Your wishes", stored.version());
        }
        return new Stated(version, true);
    }

    /** What the caseworker reads, in Danish, and what case systems get in the event feed. */
    private static InboxItem inboxItem(Citizen citizen, WishesVersion version) {
        WishesChange change = version.change();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version.version());
        details.put("addedWishes", change.addedWishes());
        details.put("removedWishes", change.removedWishes());
        details.put("changedComments", change.changedComments());
        details.put("addedOccupations", change.addedOccupations());
        details.put("removedOccupations", change.removedOccupations());
        details.put("changedTexts", change.changedTexts());
        if (change.hoursPerWeek() != null) {
            details.put("hoursPerWeek", change.hoursPerWeek());
        }
        details.put("wishes", version.wishes());
        return InboxItem.of("wishes-" + citizen.id() + "-v" + version.version(), citizen.municipality(),
                citizen.id(), InputType.WISHES_CHANGED, version.changedAt(),
                change.summary(version.wishes(), Language.DA), details);
    }

}
