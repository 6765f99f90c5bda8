package dk.mitforlob.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.json.Json;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * The inbox in the {@code inbox} collection. An item's feed position is the municipality's
 * highest position plus one, claimed by inserting under a unique index on (municipality, seq):
 * two deliveries racing for the same position cannot both win, and a position is only taken
 * after every lower one is stored — so positions become visible in order, with no gaps.
 *
 * <p>The highest position is found from a hint, {@code inbox_heads}, that trails the truth: it is
 * raised only after a position was taken. Starting from it, a delivery tries the next position
 * and steps on while they are taken, so it still lands on the highest plus one; the hint only
 * saves looking for the highest in a growing collection.
 */
public final class MongoInbox implements Inbox {

    private static final int MAX_ATTEMPTS = 10_000;

    private static final int HINT_STEPS_BEFORE_LOOKING = 50;

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> heads;

    public MongoInbox(MongoStore store) {
        this.items = store.collection("inbox");
        this.heads = store.collection("inbox_heads");
        items.createIndex(Indexes.ascending("municipality", "seq"),
                new IndexOptions().unique(true).name("feed_position"));
        items.createIndex(Indexes.ascending("municipality", "citizenId", "seq"));
        items.createIndex(Indexes.ascending("municipality", "read", "seq"));
    }

    @Override
    public void deliver(List<InboxItem> batch) {
        for (InboxItem item : batch) {
            deliver(item);
        }
    }

    private void deliver(InboxItem item) {
        if (exists(item.id())) {
            return;
        }
        long next = hint(item.municipality()) + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0 && attempt % HINT_STEPS_BEFORE_LOOKING == 0) {
                next = Math.max(next, highest(item.municipality()) + 1);
            }
            try {
                items.insertOne(toDocument(item, next));
                raiseHint(item.municipality(), next);
                return;
            } catch (MongoWriteException e) {
                if (!MongoWrites.isDuplicate(e)) {
                    throw e;
                }
                if (exists(item.id())) {
                    return;
                }
                next++;
            }
        }
        throw new IllegalStateException("Could not find a feed position for inbox item " + item.id());
    }

    private long hint(String municipality) {
        Document head = heads.find(Filters.eq("_id", municipality)).first();
        return head == null ? 0 : head.get("seq", Number.class).longValue();
    }

    private long highest(String municipality) {
        Document last = items.find(Filters.eq("municipality", municipality))
                .sort(Sorts.descending("seq")).projection(Projections.include("seq")).first();
        return last == null ? 0 : last.get("seq", Number.class).longValue();
    }

    private void raiseHint(String municipality, long seq) {
        try {
            heads.updateOne(Filters.and(Filters.eq("_id", municipality), Filters.lt("seq", seq)),
                    Updates.set("seq", seq), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // a higher hint is there already, raised by a delivery that took a later position
            if (!MongoWrites.isDuplicate(e)) {
                throw e;
            }
        }
    }

    private boolean exists(String id) {
        return items.find(Filters.eq("_id", id)).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public Optional<InboxItem> byId(String municipality, String itemId) {
        return Optional.ofNullable(items.find(Filters.and(Filters.eq("_id", itemId),
                Filters.eq("municipality", municipality))).first()).map(MongoInbox::fromDocument);
    }

    @Override
    public List<InboxItem> page(String municipality, Filter filter, Optional<Long> beforeSeq, int limit) {
        List<Bson> conditions = conditions(municipality, filter);
        beforeSeq.ifPresent(seq -> conditions.add(Filters.lt("seq", seq)));
        List<InboxItem> page = new ArrayList<>();
        items.find(Filters.and(conditions)).sort(Sorts.descending("seq")).limit(limit)
                .forEach(doc -> page.add(fromDocument(doc)));
        return page;
    }

    @Override
    public long unreadCount(String municipality, Filter filter) {
        return items.countDocuments(Filters.and(conditions(municipality,
                new Filter(filter.citizenId(), filter.type(), true))));
    }

    @Override
    public Map<String, Long> unreadByCitizen(String municipality, Collection<String> citizenIds) {
        Map<String, Long> counts = new HashMap<>();
        if (citizenIds.isEmpty()) {
            return counts;
        }
        items.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("municipality", municipality), Filters.eq("read", false),
                        Filters.in("citizenId", citizenIds))),
                Aggregates.group("$citizenId", Accumulators.sum("unread", 1))))
                .forEach(doc -> counts.put(doc.getString("_id"), doc.get("unread", Number.class).longValue()));
        return counts;
    }

    @Override
    public boolean markRead(String municipality, String itemId, InboxItem.ReadMark mark) {
        var result = items.updateOne(
                Filters.and(Filters.eq("_id", itemId), Filters.eq("municipality", municipality),
                        Filters.eq("read", false)),
                Updates.combine(Updates.set("read", true), Updates.set("readBy", mark.by()),
                        Updates.set("readAt", Date.from(mark.at()))));
        return result.getMatchedCount() == 1 || byId(municipality, itemId).isPresent();
    }

    @Override
    public List<InboxItem> after(String municipality, long afterSeq, int limit) {
        List<InboxItem> page = new ArrayList<>();
        items.find(Filters.and(Filters.eq("municipality", municipality), Filters.gt("seq", afterSeq)))
                .sort(Sorts.ascending("seq")).limit(limit)
                .forEach(doc -> page.add(fromDocument(doc)));
        return page;
    }

    private static List<Bson> conditions(String municipality, Filter filter) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("municipality", municipality));
        filter.citizenId().ifPresent(id -> conditions.add(Filters.eq("citizenId", id)));
        filter.type().ifPresent(type -> conditions.add(Filters.eq("type", type.code())));
        if (filter.unreadOnly()) {
            conditions.add(Filters.eq("read", false));
        }
        return conditions;
    }

    /** The stored form of an item; features keep the same form in their outbox until it is delivered. */
    static Document toDocument(InboxItem item, Long seq) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Json.mapper().convertValue(item.details(), Map.class);
        Document doc = new Document("_id", item.id())
                .append("municipality", item.municipality())
                .append("citizenId", item.citizenId())
                .append("type", item.type().code())
                .append("occurredAt", Date.from(item.occurredAt()))
                .append("summary", item.summary())
                .append("details", new Document(details))
                .append("read", false);
        if (seq != null) {
            doc.append("seq", seq);
        }
        return doc;
    }

    static InboxItem fromDocument(Document doc) {
        Optional<InboxItem.ReadMark> read = Boolean.TRUE.equals(doc.getBoolean("read"))
                ? Optional.of(new InboxItem.ReadMark(doc.getString("readBy"), doc.getDate("readAt").toInstant()))
                : Optional.empty();
        Number seq = doc.get("seq", Number.class);
        return new InboxItem(doc.getString("_id"), doc.getString("municipality"), doc.getString("citizenId"),
                InputType.fromCode(doc.getString("type")).orElseThrow(), doc.getDate("occurredAt").toInstant(),
                doc.getString("summary"), doc.get("details", Document.class),
                seq == null ? Optional.empty() : Optional.of(seq.longValue()), read);
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String municipality, String citizenId) {
        items.deleteMany(Filters.and(Filters.eq("municipality", municipality), Filters.eq("citizenId", citizenId)));
    }
}
