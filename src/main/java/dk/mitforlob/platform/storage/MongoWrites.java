package dk.mitforlob.platform.storage;

import java.util.function.BooleanSupplier;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/**
 * Writes whose "already there" is an answer, not a failure: a unique index refusing a duplicate
 * means someone else (or an earlier attempt of the same request) got there first.
 */
public final class MongoWrites {

    private MongoWrites() {
    }

    /** Inserts the document; false when a unique index already holds its key. */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        return unlessDuplicate(() -> {
            collection.insertOne(document);
            return true;
        });
    }

    /** Runs a write; false when it broke a unique index, otherwise what the write returned. */
    public static boolean unlessDuplicate(BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (MongoWriteException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    public static boolean isDuplicate(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
