package dk.mitforlob.inbox;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;

/**
 * How input gets from a feature's document to the inbox without transactions. A feature stores
 * the inbox items its change produces in its own document, in the same atomic write as the change
 * ({@link #push}); right after, {@link #flush} delivers them and removes them from the document,
 * and runs whatever else the feature derives from the document (its roll-ups). Delivery and the
 * derived work are idempotent, so doing them twice is harmless.
 *
 * <p>If the process dies in between, {@link #sweep} (run periodically) finds the leftovers. To find
 * them without looking through every document — the embedded store has no secondary indexes, and
 * a feature's collection holds a document per citizen and month — a write is announced first: a
 * ticket in the small {@code outbox_pending} collection, removed by the flush. The sweep looks only
 * at tickets older than {@link #GRACE}, which a live request has long finished with.
 */
public final class MongoOutbox {

    private static final System.Logger LOG = System.getLogger(MongoOutbox.class.getName());
    static final String ITEMS = "outbox";
    static final String PENDING = "outboxPending";
    /** How old a ticket must be before the sweep takes it for left behind; requests take milliseconds. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 500;

    private final Inbox inbox;
    private final MongoCollection<Document> tickets;
    private final Clock clock;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    private record Source(MongoCollection<Document> collection, Consumer<Object> derived) {
    }

    public MongoOutbox(Inbox inbox, MongoStore store, Clock clock) {
        this.inbox = inbox;
        this.tickets = store.collection("outbox_pending");
        this.clock = clock;
    }

    /** Registers a collection whose documents carry outboxes, so that {@link #sweep} can flush them. */
    public void register(MongoCollection<Document> collection) {
        register(collection, id -> { });
    }

    /**
     * Registers a collection whose documents carry outboxes and feed other figures.
     *
     * @param derived brings what is derived from the document with this id up to date; must be idempotent
     */
    public void register(MongoCollection<Document> collection, Consumer<Object> derived) {
        collection.createIndex(Indexes.ascending(PENDING), new IndexOptions().sparse(true));
        sources.put(collection.getNamespace().getCollectionName(), new Source(collection, derived));
    }

    /** Announces a write to the document with this id; pass the ticket to {@link #flush} once it is made. */
    public String announce(MongoCollection<Document> collection, Object id) {
        String ticket = Ids.newId();
        tickets.insertOne(new Document("_id", ticket)
                .append("collection", collection.getNamespace().getCollectionName())
                .append("document", id)
                .append("at", Date.from(clock.instant())));
        return ticket;
    }

    /** Withdraws an announcement whose write was not made (someone else wrote first). */
    public void cancel(String ticket) {
        tickets.deleteOne(Filters.eq("_id", ticket));
    }

    /** The update that puts {@code items} in a document's outbox, to combine with the feature's own update. */
    public static Bson push(List<InboxItem> items) {
        return Updates.pushEach(ITEMS, items.stream().map(item -> MongoInbox.toDocument(item, null)).toList());
    }

    /** The outbox field for a document written whole (insert or replace). */
    public static Document withOutbox(Document document, List<InboxItem> items) {
        if (!items.isEmpty()) {
            document.append(ITEMS, new ArrayList<>(items.stream().map(i -> MongoInbox.toDocument(i, null)).toList()));
        }
        return document;
    }

    /** Delivers what the document has in its outbox, empties it, updates what derives from it, ends the ticket. */
    public void flush(MongoCollection<Document> collection, Object id, String ticket) {
        deliver(collection, id);
        Source source = sources.get(collection.getNamespace().getCollectionName());
        if (source != null) {
            source.derived().accept(id);
        }
        cancel(ticket);
    }

    /**
     * Flush right after the write that announced {@code ticket}, by the request that made it: it
     * knows what it put in the outbox and what to derive, so nothing is read back. Anything an
     * earlier, failed flush left in the document keeps its own ticket and is the sweep's.
     */
    public void flush(MongoCollection<Document> collection, Object id, String ticket, List<InboxItem> written,
                      Runnable derived) {
        if (!written.isEmpty()) {
            inbox.deliver(written);
            collection.updateOne(Filters.eq("_id", id),
                    Updates.pull(ITEMS, Filters.in("_id", written.stream().map(InboxItem::id).toList())));
        }
        derived.run();
        cancel(ticket);
    }

    private void deliver(MongoCollection<Document> collection, Object id) {
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
        // documents written before writes were announced carry this flag; nothing sets it any more
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists(PENDING)), Updates.unset(PENDING));
    }

    /** Flushes the documents of tickets older than the grace: writes of a process that died before its flush. */
    public int sweep() {
        List<Document> stale = new ArrayList<>();
        tickets.find(Filters.lt("at", Date.from(clock.instant().minus(GRACE)))).limit(SWEEP_BATCH).forEach(stale::add);
        int flushed = 0;
        for (Document ticket : stale) {
            Source source = sources.get(ticket.getString("collection"));
            try {
                if (source != null) {
                    flush(source.collection(), ticket.get("document"), ticket.getString("_id"));
                    flushed++;
                } else {
                    cancel(ticket.getString("_id"));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering the outbox of " + ticket.getString("collection") + " "
                        + ticket.get("document") + " failed; the next sweep retries", e);
            }
        }
        return flushed;
    }

    /** Delivers what a document of a collection no longer written to still has in its outbox (a migration's). */
    public void deliverLeftovers(MongoCollection<Document> collection, Object id) {
        deliver(collection, id);
    }

    /**
     * Flushes every document with an outbox, looking through whole collections: for outboxes
     * written before writes were announced. Run once, by the start-up migration.
     */
    public int sweepEverything() {
        int flushed = 0;
        for (Source source : sources.values()) {
            List<Object> ids = new ArrayList<>();
            source.collection().find(Filters.eq(PENDING, true)).projection(Projections.include("_id"))
                    .forEach(doc -> ids.add(doc.get("_id")));
            for (Object id : ids) {
                deliver(source.collection(), id);
                source.derived().accept(id);
                flushed++;
            }
        }
        return flushed;
    }
}
