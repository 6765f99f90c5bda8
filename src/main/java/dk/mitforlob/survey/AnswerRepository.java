package dk.mitforlob.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The anonymous answers. They are kept in buckets per round, municipality and programme, each
 * holding a bounded number of answers at random places together with the running counts of those
 * answers: adding an answer and counting it is one atomic write, applied once however often it is
 * repeated. An answer carries its random id, the ISO week and its values; nothing else.
 */
public interface AnswerRepository {

    /** The bucket a new answer of this group goes to. */
    String bucketFor(String roundId, String municipality, String programme);

    /**
     * Adds the answer to its bucket and counts it, unless the bucket already has it.
     *
     * @param counted the counters to raise by one, e.g. {@code overall.n}, {@code overall.v.4}
     */
    void add(String bucket, String roundId, String municipality, String programme, String answerId, String isoWeek,
             Map<String, Object> values, List<String> counted);

    /** Stores free texts under their own ids; one already there is left as it is. */
    void addTexts(String roundId, List<Participation.FreeText> texts);

    /** The counts of a round per group: answers, and per item its answers and value counts. */
    List<Tally> tallies(String roundId);

    /** A round's free texts to one item, in a random order that stays the same from page to page. */
    List<Participation.FreeText> texts(String roundId, String itemId, Optional<String> afterId, int limit);
}
