package dk.mitforlob.wishes;

import java.util.List;
import java.util.Set;

/**
 * What each citizen currently wishes, reduced to what the evaluators' table counts (wish types and
 * interest groups), kept up to date as wishes change so that the table does not read every document.
 */
public interface WishesRollup {

    /** Records the citizen's wishes as of {@code version}; an older version never overwrites a newer. */
    void record(String citizenId, long version, Wishes wishes);

    /** Every citizen who has stated wishes, with what they chose. */
    List<Tally> all();

    /** The countable part of one citizen's current wishes. */
    record Tally(String citizenId, Set<WishType> wishTypes, Set<String> interestGroups) {
    }
}
