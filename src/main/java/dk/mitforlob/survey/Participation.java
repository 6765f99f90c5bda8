package dk.mitforlob.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A citizen's invitation to a round and whether they answered: stored apart from the answers, and
 * holding nothing of an answer except for the moment it is being written ({@code pending}).
 *
 * @param operationId the request that answered (or is answering), so a retry of it is told "done"
 */
public record Participation(String roundId, String citizenId, String municipality, String programme, State state,
                            String operationId, PendingAnswer pending) {

    public enum State { INVITED, ANSWERING, ANSWERED }

    /**
     * An answer on its way into the anonymous store. It links the person to the answer only until
     * the answer is stored; then it is removed. Everything in it is fixed when it is made, so
     * finishing it again after a crash writes exactly the same things.
     *
     * @param answerId  random, the answer's only id
     * @param bucket    where the answer goes (see {@link AnswerRepository})
     * @param values    item id → value, free text left out
     * @param texts     the free texts, each under a random id of its own
     * @param since     when it was made, so that a sweep leaves fresh ones to their request
     */
    public record PendingAnswer(String answerId, String bucket, String isoWeek, Map<String, Object> values,
                                List<FreeText> texts, Instant since) {
        public PendingAnswer {
            values = Map.copyOf(values);
            texts = List.copyOf(texts);
        }
    }

    /** One free-text answer, with nothing attached but the round and the item. */
    public record FreeText(String id, String itemId, String text) {
    }
}
