package dk.mitforlob.survey;

import java.util.Map;

/**
 * Counts of one bucket of answers (or of several added up) of one group.
 *
 * @param counts {@code <item>.n}: answers to the item; {@code <item>.v.<value>}: answers with that value
 */
public record Tally(String municipality, String programme, long answered, Map<String, Long> counts) {

    public Tally {
        counts = Map.copyOf(counts);
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    static String answers(String itemId) {
        return itemId + ".n";
    }

    static String value(String itemId, String value) {
        return itemId + ".v." + value;
    }
}
