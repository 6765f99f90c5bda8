package dk.mitforlob.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where rounds are kept, and the lease that lets one instance at a time fix a round's invited set. */
public interface RoundRepository {

    /** Stores a new round; false when its id is taken (a retried create). */
    boolean insert(SurveyRound round);

    Optional<SurveyRound> byId(String roundId);

    /** Rounds newest opening first, after the round {@code after} when given. */
    List<SurveyRound> page(Optional<SurveyRound> after, int limit);

    /** Rounds with {@code opensAt <= now < closesAt}. */
    List<SurveyRound> openAt(Instant now);

    /** Rounds that have reached their opening time but whose invited set is not fixed yet. */
    List<SurveyRound> dueUnfixed(Instant now);

    /**
     * Takes the opening of a round for {@code holder} until {@code leaseUntil} if no one holds it (or
     * the lease of {@code renewing}, this holder itself, is to be extended); true if taken.
     */
    boolean claimOpening(String roundId, String holder, String renewing, Instant now, Instant leaseUntil);

    /** Records the fixed invited set, if {@code holder} still holds the opening; true if recorded. */
    boolean finishOpening(String roundId, String holder, SurveyRound.InvitedCounts invited);
}
