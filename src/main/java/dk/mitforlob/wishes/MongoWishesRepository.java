package dk.mitforlob.wishes;

import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.VersionPages;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Wishes in two collections: {@code wishes}, one document per citizen with the current version and
 * the outbox of changes not yet in the inbox, and {@code wishes_versions}, one document per version
 * ({@code _id} {@code <citizen>|<version>}). A new version is one compare-and-set write on the
 * citizen's document, the commit; its copy among the versions follows, and the copy of the version
 * it replaces is made sure of first — so every version but the current one is always among the
 * versions, and the current one is in the citizen's document. A page of history is a read by ids.
 */
public final class MongoWishesRepository implements WishesRepository {

    private final MongoCollection<Document> wishes;
    private final MongoCollection<Document> versions;
    private final MongoOutbox outbox;
    private final WishesRollup rollup;

    public MongoWishesRepository(MongoStore store, MongoOutbox outbox, WishesRollup rollup) {
        this.wishes = store.collection("wishes");
        this.versions = store.collection("wishes_versions");
        this.outbox = outbox;
        this.rollup = rollup;
        outbox.register(wishes, this::rollUp);
    }

    static String versionId(String citizenId, long version) {
        return citizenId + "|" + version;
    }

    @Override
    public Optional<WishesVersion> current(String citizenId) {
        Document doc = wishes.find(Filters.eq("_id", citizenId)).projection(Projections.include("current")).first();
        return Optional.ofNullable(doc).map(d -> d.get("current", Document.class))
                .map(current -> JsonDocuments.fromDocument(current, WishesVersion.class));
    }

    @Override
    public List<WishesVersion> history(String citizenId, long beforeVersion, int limit) {
        return VersionPages.newestFirst(current(citizenId), beforeVersion, limit, versions,
                v -> versionId(citizenId, v), MongoWishesRepository::fromVersionDocument, WishesVersion::version);
    }

    @Override
    public boolean save(String citizenId, String municipality, long expectedVersion, WishesVersion next,
                        InboxItem input) {
        current(citizenId).ifPresent(current -> keepVersion(citizenId, current));
        Document version = JsonDocuments.toDocument(next);
        String ticket = outbox.announce(wishes, citizenId);
        boolean saved;
        if (expectedVersion == 0) {
            saved = MongoWrites.insertIfAbsent(wishes, MongoOutbox.withOutbox(new Document("_id", citizenId)
                    .append("municipality", municipality)
                    .append("version", next.version())
                    .append("current", version), List.of(input)));
        } else {
            saved = wishes.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.eq("version", expectedVersion)),
                    Updates.combine(Updates.set("version", next.version()), Updates.set("current", version),
                            MongoOutbox.push(List.of(input))))
                    .getMatchedCount() == 1;
        }
        if (saved) {
            keepVersion(citizenId, next);
            outbox.flush(wishes, citizenId, ticket, List.of(input),
                    () -> rollup.record(citizenId, next.version(), next.wishes()));
        } else {
            outbox.cancel(ticket);
        }
        return saved;
    }

    /**
     * Writes a citizen's wishes with all their versions at once, the last one current, for a
     * citizen who has none yet: for loading wishes stated elsewhere, such as a benchmark's population.
     */
    public void importHistory(String citizenId, String municipality, List<WishesVersion> history) {
        WishesVersion current = history.getLast();
        wishes.insertOne(new Document("_id", citizenId)
                .append("municipality", municipality)
                .append("version", current.version())
                .append("current", JsonDocuments.toDocument(current)));
        versions.insertMany(history.stream().map(v -> JsonDocuments.toDocument(v)
                .append("_id", versionId(citizenId, v.version())).append("citizenId", citizenId)).toList());
        rollup.record(citizenId, current.version(), current.wishes());
    }

    /** Copies a version among the versions; copying it again changes nothing. */
    private void keepVersion(String citizenId, WishesVersion version) {
        MongoWrites.insertIfAbsent(versions, JsonDocuments.toDocument(version)
                .append("_id", versionId(citizenId, version.version()))
                .append("citizenId", citizenId));
    }

    private static WishesVersion fromVersionDocument(Document doc) {
        return JsonDocuments.fromDocument(doc, WishesVersion.class);
    }

    /** What the evaluators' roll-up derives from a citizen's wishes: what they now choose. */
    private void rollUp(Object citizenId) {
        current((String) citizenId).ifPresent(current ->
                rollup.record((String) citizenId, current.version(), current.wishes()));
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        versions.deleteMany(Filters.and(Filters.gte("_id", citizenId + "|"), Filters.lt("_id", citizenId + "}")));
        wishes.deleteOne(Filters.eq("_id", citizenId));
    }
}
