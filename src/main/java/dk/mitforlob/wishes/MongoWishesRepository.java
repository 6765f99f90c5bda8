package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Wishes in the {@code wishes} collection, one document per citizen holding the current version,
 * all versions and the outbox of changes not yet in the inbox. Every write touches one document,
 * so each is atomic without transactions; the version number is the compare-and-set guard.
 */
public final class MongoWishesRepository implements WishesRepository {

    private final MongoCollection<Document> wishes;
    private final MongoOutbox outbox;

    public MongoWishesRepository(MongoStore store, MongoOutbox outbox) {
        this.wishes = store.collection("wishes");
        this.outbox = outbox;
        wishes.createIndex(Indexes.ascending("version"));
        outbox.register(wishes);
    }

    @Override
    public Optional<WishesVersion> current(String citizenId) {
        Document doc = wishes.find(Filters.eq("_id", citizenId)).projection(Projections.include("current")).first();
        return Optional.ofNullable(doc).map(d -> d.get("current", Document.class))
                .map(current -> JsonDocuments.fromDocument(current, WishesVersion.class));
    }

    @Override
    public List<WishesVersion> history(String citizenId) {
        Document doc = wishes.find(Filters.eq("_id", citizenId)).projection(Projections.include("history")).first();
        List<WishesVersion> versions = new ArrayList<>();
        if (doc != null) {
            doc.getList("history", Document.class, List.of())
                    .forEach(version -> versions.add(JsonDocuments.fromDocument(version, WishesVersion.class)));
        }
        versions.sort((a, b) -> Long.compare(b.version(), a.version()));
        return versions;
    }

    @Override
    public boolean save(String citizenId, String municipality, long expectedVersion, WishesVersion next,
                        InboxItem input) {
        Document version = JsonDocuments.toDocument(next);
        boolean saved;
        if (expectedVersion == 0) {
            saved = insertFirst(new Document("_id", citizenId)
                    .append("municipality", municipality)
                    .append("version", next.version())
                    .append("current", version)
                    .append("history", new ArrayList<>(List.of(version))), input);
        } else {
            saved = wishes.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.eq("version", expectedVersion)),
                    Updates.combine(Updates.set("version", next.version()), Updates.set("current", version),
                            Updates.push("history", version), MongoOutbox.push(List.of(input))))
                    .getMatchedCount() == 1;
        }
        if (saved) {
            outbox.flush(wishes, citizenId);
        }
        return saved;
    }

    private boolean insertFirst(Document document, InboxItem input) {
        return MongoWrites.insertIfAbsent(wishes, MongoOutbox.withOutbox(document, List.of(input)));
    }

    @Override
    public void forEachCurrent(Consumer<Stated> each) {
        wishes.find(Filters.gte("version", 1)).projection(Projections.include("current.wishes"))
                .forEach(doc -> each.accept(new Stated(doc.getString("_id"), JsonDocuments.fromDocument(
                        doc.get("current", Document.class).get("wishes", Document.class), Wishes.class))));
    }
}
