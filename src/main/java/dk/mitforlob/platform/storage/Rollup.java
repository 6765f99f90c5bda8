package dk.mitforlob.platform.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Figures per citizen kept for aggregate reads, many citizens to a document: a table over every
 * citizen then reads a few dozen documents instead of one per citizen. Citizens are spread over
 * {@value #BUCKETS} documents (per period, where figures are per period) by a hash of their id,
 * so a write touches a small share of the population, and each citizen's entry is written only
 * over an older version of itself: writes may arrive late, twice or out of order (a retry, the
 * sweep after a crash) and the entry still ends at the newest.
 */
public final class Rollup {

    public static final int BUCKETS = 64;

    private final MongoCollection<Document> documents;

    public Rollup(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    /** Which of the {@value #BUCKETS} documents holds this citizen. */
    public static int bucket(String citizenId) {
        return Math.floorMod(citizenId.hashCode(), BUCKETS);
    }

    /**
     * Sets {@code field} of document {@code id} to {@code value} unless {@code guard} there already
     * holds {@code version} or more. Field names are dotted paths; citizen ids are safe in them.
     */
    public void setIfNewer(String id, String field, Object value, String guard, long version) {
        MongoWrites.unlessDuplicate(() -> {
            documents.updateOne(Filters.and(Filters.eq("_id", id),
                            Filters.or(Filters.lt(guard, version), Filters.exists(guard, false))),
                    Updates.set(field, value), new UpdateOptions().upsert(true));
            // no match and an existing document: the upsert's insert hits the _id and reports the newer entry
            return true;
        });
    }

    /** The documents with these ids that exist. */
    public List<Document> read(Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            documents.find(Filters.in("_id", ids)).forEach(found::add);
        }
        return found;
    }

    /** The ids of every bucket document with this prefix, e.g. {@code "2026|"}. */
    public static List<String> ids(String prefix) {
        List<String> ids = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            ids.add(prefix + b);
        }
        return ids;
    }
}
