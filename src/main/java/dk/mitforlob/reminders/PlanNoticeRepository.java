package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per citizen, how far the plan's versions have been turned into reminders: the last version done,
 * when and by whom the current group of "plan updated" versions began, and a version announced as being
 * published but not done yet (left behind when a process dies between storing a version and
 * scheduling its reminders).
 */
public interface PlanNoticeRepository {

    record State(String citizenId, long reconciledVersion, Optional<Group> group) {
    }

    /** The versions one "plan updated" notification stands for: since when, and by whom. */
    record Group(Instant start, String author) {
    }

    /** Notes that {@code version} is about to be published. */
    void announce(String citizenId, long version, Instant at);

    Optional<State> state(String citizenId);

    /**
     * Records that versions up to {@code version} are done and the group they are in; never moves
     * backwards; clears the announcement once it is covered.
     */
    void reconciled(String citizenId, long version, Optional<Group> group);

    /** Citizens with an announcement older than {@code before} that is not done yet. */
    List<String> announcedBefore(Instant before, int limit);

    /** Clears the citizen's announcement if it is older than {@code before} (a newer one is a publication under way). */
    void clearAnnouncement(String citizenId, Instant before);
}
