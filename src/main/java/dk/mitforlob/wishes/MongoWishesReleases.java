package dk.mitforlob.wishes;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;

/**
 * {@link WishesReleases} in the {@code wishes_releases} collection: one document per month, keyed
 * {@code YYYY-MM}, written with {@code $setOnInsert} in an upsert so that instances taking the
 * same month's snapshot at once store one of them and never overwrite it. A document holds a count
 * per column per municipality and programme: a few thousand numbers, whatever the number of citizens.
 */
public final class MongoWishesReleases implements WishesReleases {

    private final MongoCollection<Document> documents;

    public MongoWishesReleases(MongoStore store) {
        this.documents = store.collection("wishes_releases");
    }

    @Override
    public Optional<WishesRelease> find(YearMonth month) {
        Document doc = documents.find(Filters.eq("_id", month.toString())).first();
        if (doc == null) {
            return Optional.empty();
        }
        Map<GroupBy, SortedMap<String, Map<String, Long>>> groups = new EnumMap<>(GroupBy.class);
        for (GroupBy groupBy : GroupBy.values()) {
            SortedMap<String, Map<String, Long>> rows = new TreeMap<>();
            Document stored = doc.get(groupBy.code(), Document.class);
            if (stored != null) {
                stored.forEach((group, figures) -> {
                    Map<String, Long> row = new LinkedHashMap<>();
                    ((Document) figures).forEach((column, count) -> row.put(column, ((Number) count).longValue()));
                    rows.put(group, row);
                });
            }
            groups.put(groupBy, rows);
        }
        return Optional.of(new WishesRelease(month, doc.getDate("takenAt").toInstant(), groups));
    }

    @Override
    public void insertIfAbsent(WishesRelease release) {
        Document body = new Document("takenAt", java.util.Date.from(release.takenAt()));
        release.groups().forEach((groupBy, rows) -> {
            Document stored = new Document();
            rows.forEach((group, figures) -> stored.append(group, new Document(figures)));
            body.append(groupBy.code(), stored);
        });
        try {
            documents.updateOne(Filters.eq("_id", release.month().toString()), Updates.combine(
                    body.entrySet().stream().map(e -> Updates.setOnInsert(e.getKey(), e.getValue())).toList()),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // two upserts inserting at once: the other instance's snapshot is stored, which is what we want
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
