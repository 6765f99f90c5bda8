package dk.mitforlob.platform.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * A page of a record's history, newest first, where the current version lives in the record itself
 * and every earlier one is a document of its own whose id names its number: the page is the
 * current version (if it belongs on the page) and one read of the older ones by id.
 */
public final class VersionPages {

    private VersionPages() {
    }

    /**
     * Versions numbered below {@code beforeVersion}, at most {@code limit}, newest first.
     *
     * @param idOf    the id of an earlier version's document by its number
     * @param read    an earlier version from its document
     * @param number  a version's number
     */
    public static <V> List<V> newestFirst(Optional<V> current, long beforeVersion, int limit,
                                          MongoCollection<Document> versions, LongFunction<String> idOf,
                                          Function<Document, V> read, ToLongFunction<V> number) {
        List<V> page = new ArrayList<>();
        if (current.isEmpty()) {
            return page;
        }
        long newest = Math.min(number.applyAsLong(current.get()), beforeVersion - 1);
        if (newest == number.applyAsLong(current.get())) {
            page.add(current.get());
            newest--;
        }
        List<String> ids = new ArrayList<>();
        for (long v = newest; v >= 1 && ids.size() + page.size() < limit; v--) {
            ids.add(idOf.apply(v));
        }
        if (!ids.isEmpty()) {
            List<V> older = new ArrayList<>();
            versions.find(Filters.in("_id", ids)).forEach(doc -> older.add(read.apply(doc)));
            older.sort(Comparator.comparingLong(number).reversed());
            page.addAll(older);
        }
        return page;
    }
}
