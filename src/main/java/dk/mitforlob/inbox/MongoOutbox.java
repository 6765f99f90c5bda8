package dk.mitforlob.inbox;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * How input gets from a feature's document to the inbox without transactions. A feature stores
 * the inbox items its change produces in its own document, in the same atomic write as the change
 * ({@link #push}); right after, {@link #flush} delivers them and removes them from the document.
 * If the process dies in between, {@link #sweep} (run periodically) finds the leftovers and
 * delivers them then. Delivery is idempotent, so delivering twice is harmless.
 */
public final class MongoOutbox {

    private static final System.Logger LOG = System.getLogger(MongoOutbox.class.getName());
    static final String ITEMS = "outbox";
    static final String PENDING = "outboxPending";

    private final Inbox inbox;
    private final List<MongoCollection<Document>> sources = new CopyOnWriteArrayList<>();

    public MongoOutbox(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Registers a collection whose documents carry outboxes, so that {@link #sweep} looks there. */
    public void register(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(PENDING), new IndexOptions().sparse(true));
        sources.add(collection);
    }

    /** The update that puts {@code items} in a document's outbox, to combine with the feature's own update. */
    public static Bson push(List<InboxItem> items) {
        List<Document> documents = items.stream().map(item -> MongoInbox.toDocument(item, null)).toList();
        return Updates.combine(Updates.pushEach(ITEMS, documents), Updates.set(PENDING, true));
    }

    /** The outbox fields for a document written whole (insert or replace). */
    public static Document withOutbox(Document document, List<InboxItem> items) {
        if (!items.isEmpty()) {
            document.append(ITEMS, new ArrayList<>(items.stream().map(i -> MongoInbox.toDocument(i, null)).toList()))
                    .append(PENDING, true);
        }
        return document;
    }

    /** Delivers what the document with this id has in its outbox, then empties it. */
    public void flush(MongoCollection<Document> collection, Object id) {
        Document doc = collection.find(Filters.eq("_id", id)).projection(Projections.include(ITEMS)).first();
        if (doc == null) {
            return;
        }
        List<Document> pending = doc.getList(ITEMS, Document.class, List.of());
        if (!pending.isEmpty()) {
            inbox.deliver(pending.stream().map(MongoInbox::fromDocument).toList());
            List<Object> ids = pending.stream().map(item -> item.get("_id")).toList();
            collection.updateOne(Filters.eq("_id", id), Updates.pull(ITEMS, Filters.in("_id", ids)));
        }
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.size(ITEMS, 0)), Updates.unset(PENDING));
    }

    /** Delivers every outbox left behind, e.g. by a process that died between a write and its flush. */
    public int sweep() {
        int flushed = 0;
        for (MongoCollection<Document> collection : sources) {
            List<Object> ids = new ArrayList<>();
            collection.find(Filters.eq(PENDING, true)).projection(Projections.include("_id"))
                    .forEach(doc -> ids.add(doc.get("_id")));
            for (Object id : ids) {
                try {
                    flush(collection, id);
                    flushed++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Delivering the outbox of " + collection.getNamespace() + " " + id
                            + " failed; the next sweep retries", e);
                }
            }
        }
        return flushed;
    }
}
