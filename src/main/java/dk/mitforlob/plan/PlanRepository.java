package dk.mitforlob.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.plan.Contributions.Comment;
import dk.mitforlob.plan.Contributions.MeetingObjection;
import dk.mitforlob.plan.Contributions.OwnStep;

/**
 * Where plans are kept: one record per citizen with the current version, and every version in a
 * collection of its own, so that reading the current plan costs the same with 1 or 500 versions.
 * Writes by the citizen carry the inbox item they produce, stored in the same atomic write, so the
 * input cannot be lost.
 */
public interface PlanRepository {

    Optional<PlanRecord> find(String citizenId);

    /** Versions older than {@code beforeVersion}, newest first, at most {@code limit}; the current one included. */
    List<PlanVersion> history(String citizenId, long beforeVersion, int limit);

    /** One version of the citizen's plan. */
    Optional<PlanVersion> version(String citizenId, long version);

    /** Publishes {@code next} if the current version is still {@code expectedVersion} (0: none yet). */
    boolean publish(String citizenId, String municipality, long expectedVersion, PlanVersion next);

    /** Records that the citizen has seen {@code version}, whose plan was {@code plan}; never moves backwards. */
    void markSeen(String citizenId, long version, Plan plan);

    /** Adds the step unless one with its id is there already; false if it was. */
    boolean addStep(String citizenId, OwnStep step, InboxItem input);

    /** Marks the step done unless it is already; false if it was. */
    boolean markStepDone(String citizenId, String stepId, Instant at, InboxItem input);

    /** Adds the comment unless one with its id is there already; false if it was. */
    boolean addComment(String citizenId, Comment comment, InboxItem input);

    /** Adds the objection unless one with its id is there already; false if it was. */
    boolean addObjection(String citizenId, MeetingObjection objection, InboxItem input);
}
