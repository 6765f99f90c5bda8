package dk.mitforlob.platform.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Request counts in MongoDB, one small document per caller, quota and window, incremented
 * atomically: every instance of the service counts into the same document, so a quota holds
 * however many instances share the load. Windows expire a minute after they end.
 */
public final class MongoQuotaCounter implements QuotaCounter {

    private final MongoCollection<Document> counts;
    private final Clock clock;

    public MongoQuotaCounter(MongoStore store, Clock clock) {
        this.counts = store.collection("rate_limits");
        this.clock = clock;
        // MongoDB removes ended windows itself; the embedded store ignores TTL, so purgeExpired() does it there
        counts.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public long add(String key, long delta, Instant windowEnd) {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        var update = Updates.combine(Updates.inc("count", delta),
                Updates.setOnInsert("expiresAt", Date.from(windowEnd.plus(RateLimits.WINDOW))));
        for (int attempt = 0; ; attempt++) {
            try {
                Document counted = counts.findOneAndUpdate(Filters.eq("_id", key), update, upsert);
                return counted == null ? delta : ((Number) counted.get("count")).longValue();
            } catch (MongoWriteException | MongoCommandException e) {
                // two instances inserting the same window at once: one wins, the other increments it
                if (attempt > 0 || !isDuplicate(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDuplicate(RuntimeException e) {
        return e instanceof MongoWriteException write ? MongoWrites.isDuplicate(write)
                : ((MongoCommandException) e).getErrorCode() == 11000;
    }

    /** Removes ended windows (MongoDB's TTL index does this too; the embedded store needs it). */
    public long purgeExpired() {
        return counts.deleteMany(Filters.lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }
}
