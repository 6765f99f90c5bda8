package dk.mitforlob.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Reminders in the {@code reminders} collection, one document per reminder with its delivery log.
 * A claim takes a lease on each reminder ({@link MongoReminderLeases}); a settlement is written
 * only for reminders whose lease still belongs to the claim. Every write goes by {@code _id}: the
 * embedded store uses no other index. Settled reminders are purged 90 days later by a TTL index,
 * keeping the collection bounded.
 */
public final class MongoReminders implements ReminderRepository {

    static final Duration KEEP_SETTLED = Duration.ofDays(90);
    private static final int LOG_ENTRIES = 20;

    private final MongoCollection<Document> reminders;
    private final MongoReminderLeases leases;
    private final DeliveryMetrics metrics;
    private final Duration keepSettled;

    public MongoReminders(MongoStore store, DeliveryMetrics metrics) {
        this(store, metrics, KEEP_SETTLED);
    }

    /** Settled reminders and their delivery logs kept for {@code keepSettled} (MITFORLOB_RETENTION_DELIVERY_LOG_DAYS). */
    public MongoReminders(MongoStore store, DeliveryMetrics metrics, Duration keepSettled) {
        this.keepSettled = keepSettled;
        this.reminders = store.collection("reminders");
        this.leases = new MongoReminderLeases(store);
        this.metrics = metrics;
        reminders.createIndex(Indexes.ascending("status", "nextAt"));
        reminders.createIndex(Indexes.ascending("citizenId", "kind", "status"));
        reminders.createIndex(Indexes.ascending("purgeAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public boolean schedule(Reminder reminder, Instant now) {
        if (MongoWrites.insertIfAbsent(reminders, newDocument(reminder, now))) {
            metrics.count("queued", reminder.kind());
            return true;
        }
        // the same reminder again: as it was, unless it had been withdrawn (a meeting moved back)
        boolean revived = reminders.updateOne(Filters.and(Filters.eq("_id", reminder.key()),
                        Filters.eq("status", code(Reminder.Status.WITHDRAWN))),
                Updates.combine(Updates.set("status", code(Reminder.Status.PENDING)),
                        Updates.set("nextAt", Date.from(reminder.dueAt())), Updates.set("attempts", 0),
                        Updates.unset("purgeAt"), Updates.unset("settledAt"),
                        log(event(now, "queued", "again, due " + reminder.dueAt(), List.of())))).getModifiedCount() == 1;
        if (revived) {
            metrics.count("queued", reminder.kind());
        }
        return revived;
    }

    @Override
    public int scheduleAll(List<Reminder> batch, Instant now) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Document> documents = batch.stream().map(reminder -> newDocument(reminder, now)).toList();
        Set<Integer> refused = new HashSet<>();
        try {
            reminders.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> refused.add(error.getIndex()));
        }
        int inserted = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                metrics.count("queued", batch.get(i).kind());
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public List<Reminder> pending(String citizenId, ReminderKind kind) {
        List<Reminder> found = new ArrayList<>();
        reminders.find(Filters.and(Filters.eq("citizenId", citizenId), Filters.eq("kind", kind.code()),
                Filters.eq("status", code(Reminder.Status.PENDING)))).forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    @Override
    public int withdrawExcept(String citizenId, Set<ReminderKind> kinds, Set<String> keep, Instant now) {
        Bson filter = Filters.and(Filters.eq("citizenId", citizenId),
                Filters.in("kind", kinds.stream().map(ReminderKind::code).toList()),
                Filters.eq("status", code(Reminder.Status.PENDING)), Filters.nin("_id", keep));
        return (int) reminders.updateMany(filter, withdrawal("withdrawn", now)).getModifiedCount();
    }

    @Override
    public boolean withdraw(String key, String reason, Instant now) {
        return reminders.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("status", code(Reminder.Status.PENDING))),
                withdrawal(reason, now)).getModifiedCount() == 1;
    }

    private Bson withdrawal(String reason, Instant now) {
        return Updates.combine(Updates.set("status", code(Reminder.Status.WITHDRAWN)),
                Updates.set("settledAt", Date.from(now)), Updates.set("purgeAt", Date.from(now.plus(keepSettled))),
                log(event(now, "skipped", reason, List.of())));
    }

    @Override
    public boolean reschedule(String key, Instant dueAt, Instant now) {
        if (!leases.leased(List.of(key)).isEmpty()) {
            return false;
        }
        return reminders.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("status", code(Reminder.Status.PENDING))),
                Updates.combine(Updates.set("dueAt", Date.from(dueAt)), Updates.set("nextAt", Date.from(dueAt)),
                        log(event(now, "queued", "moved, due " + dueAt, List.of())))).getModifiedCount() == 1;
    }

    @Override
    public Optional<Reminder> byKey(String key) {
        return Optional.ofNullable(reminders.find(Filters.eq("_id", key)).first()).map(MongoReminders::fromDocument);
    }

    @Override
    public List<DeliveryEvent> deliveryLog(String key) {
        Document doc = reminders.find(Filters.eq("_id", key)).projection(Projections.include("log")).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("log", Document.class, List.of()).stream().map(e -> new DeliveryEvent(
                e.getDate("at").toInstant(), e.getString("outcome"), e.getString("detail"),
                e.getList("messageIds", String.class, List.of()))).toList();
    }

    @Override
    public Claim claim(String owner, Instant now, Duration lease, int max) {
        leases.expire(now);
        // a few more candidates than needed, in no particular order: dispatchers racing for the same ones collide less
        List<String> candidates = new ArrayList<>();
        reminders.find(Filters.and(Filters.eq("status", code(Reminder.Status.PENDING)),
                        Filters.lte("nextAt", Date.from(now))))
                .limit(max * 3).projection(Projections.include("_id"))
                .forEach(doc -> candidates.add(doc.getString("_id")));
        candidates.removeAll(leases.leased(candidates));
        Collections.shuffle(candidates);
        String token = owner + ":" + Ids.newId();
        List<String> mine = leases.take(candidates.subList(0, Math.min(max, candidates.size())), owner, token,
                now.plus(lease));
        if (mine.isEmpty()) {
            return new Claim(token, List.of());
        }
        List<Reminder> claimed = new ArrayList<>();
        List<String> notPending = new ArrayList<>();
        reminders.find(Filters.in("_id", mine)).forEach(doc -> {
            Reminder reminder = fromDocument(doc);
            if (reminder.status() == Reminder.Status.PENDING) {
                claimed.add(reminder);
            } else {
                notPending.add(reminder.key());
            }
        });
        // settled or withdrawn between looking and leasing: nothing to do with them
        leases.drop(notPending);
        if (!claimed.isEmpty()) {
            // how often each was claimed: more than once after a retry, quiet hours or a dead instance
            reminders.updateMany(Filters.in("_id", claimed.stream().map(Reminder::key).toList()),
                    Updates.inc("claims", 1));
        }
        return new Claim(token, claimed);
    }

    @Override
    public void settle(Claim claim, List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        // only what is still ours: a lease that ran out meanwhile may be another dispatcher's now
        Set<String> held = leases.heldBy(settlements.stream().map(Settlement::key).toList(), claim.token());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Settlement settlement : settlements) {
            if (held.contains(settlement.key())) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", settlement.key()), settlement(settlement)));
            }
        }
        if (!writes.isEmpty()) {
            reminders.bulkWrite(writes);
            leases.drop(held);
        }
    }

    private Bson settlement(Settlement settlement) {
        Instant at = settlement.at();
        Bson settled = Updates.combine(Updates.set("settledAt", Date.from(at)),
                Updates.set("purgeAt", Date.from(at.plus(keepSettled))));
        return switch (settlement) {
            case Settlement.Sent s -> Updates.combine(settled, Updates.set("status", code(Reminder.Status.SENT)),
                    log(event(at, "sent", s.messageIds().size() + " device(s)", s.messageIds())));
            case Settlement.Held h -> Updates.combine(Updates.set("nextAt", Date.from(h.until())),
                    log(event(at, "held", "quiet hours until " + h.until(), List.of())));
            case Settlement.Retry r -> Updates.combine(Updates.set("nextAt", Date.from(r.nextAt())),
                    Updates.inc("attempts", 1), log(event(at, "retry", r.error() + "; next at " + r.nextAt(), List.of())));
            case Settlement.Failed f -> Updates.combine(settled, Updates.set("status", code(Reminder.Status.FAILED)),
                    Updates.inc("attempts", 1), log(event(at, "failed", f.error(), List.of())));
            case Settlement.Skipped s -> Updates.combine(settled, Updates.set("status", code(Reminder.Status.SKIPPED)),
                    log(event(at, "skipped", s.reason(), List.of())));
        };
    }

    @Override
    public Set<String> renew(Claim claim, java.util.Collection<String> keys, Instant until) {
        return leases.renew(keys, claim.token(), until);
    }

    @Override
    public int release(String owner) {
        return leases.release(owner);
    }

    private static Document event(Instant at, String outcome, String detail, List<String> messageIds) {
        Document event = new Document("at", Date.from(at)).append("outcome", outcome).append("detail", detail);
        if (!messageIds.isEmpty()) {
            event.append("messageIds", messageIds);
        }
        return event;
    }

    /** Appends to the delivery log, keeping its last entries only (a reminder retried for days stays small). */
    private static Bson log(Document event) {
        return Updates.pushEach("log", List.of(event), new PushOptions().slice(-LOG_ENTRIES));
    }

    /** A reminder as first stored: free to claim, its log saying when it was queued. */
    private static Document newDocument(Reminder reminder, Instant now) {
        return toDocument(reminder)
                .append("claims", 0)
                .append("createdAt", Date.from(now))
                .append("log", List.of(event(now, "queued", "due " + reminder.dueAt(), List.of())));
    }

    static Document toDocument(Reminder reminder) {
        Document doc = new Document("_id", reminder.key())
                .append("citizenId", reminder.citizenId())
                .append("kind", reminder.kind().code())
                .append("subjectId", reminder.subjectId())
                .append("dueAt", Date.from(reminder.dueAt()))
                .append("expiresAt", Date.from(reminder.expiresAt()))
                .append("texts", new Document("da", text(reminder.texts().da())).append("en", text(reminder.texts().en())))
                .append("deepLink", reminder.deepLink())
                .append("status", code(reminder.status()))
                .append("attempts", reminder.attempts())
                .append("nextAt", Date.from(reminder.nextAt()));
        reminder.meetingStart().ifPresent(start -> doc.append("meetingStart", Date.from(start)));
        return doc;
    }

    static Reminder fromDocument(Document doc) {
        Document texts = doc.get("texts", Document.class);
        return new Reminder(doc.getString("_id"), doc.getString("citizenId"), ReminderKind.fromCode(doc.getString("kind")),
                doc.getString("subjectId"), doc.getDate("dueAt").toInstant(), doc.getDate("expiresAt").toInstant(),
                new Texts(text(texts.get("da", Document.class)), text(texts.get("en", Document.class))),
                doc.getString("deepLink"), Optional.ofNullable(doc.getDate("meetingStart")).map(Date::toInstant),
                Reminder.Status.valueOf(doc.getString("status").toUpperCase()), doc.getInteger("attempts", 0),
                doc.getDate("nextAt").toInstant());
    }

    static Document text(Texts.Text text) {
        return new Document("title", text.title()).append("body", text.body());
    }

    static Texts.Text text(Document doc) {
        return new Texts.Text(doc.getString("title"), doc.getString("body"));
    }

    private static String code(Reminder.Status status) {
        return status.name().toLowerCase();
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        reminders.deleteMany(Filters.eq("citizenId", citizenId));
    }

    /**
     * Settled reminders past their keeping: MongoDB's TTL index removes them by itself, the embedded
     * store keeps TTL indexes without acting on them, so the retention job calls this.
     */
    public long purgeSettled(Instant now) {
        return reminders.deleteMany(Filters.lt("purgeAt", Date.from(now))).getDeletedCount();
    }
}
