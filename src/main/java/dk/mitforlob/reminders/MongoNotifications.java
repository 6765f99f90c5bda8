package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;

/**
 * The in-app lists in the {@code notifications} collection, one document per notification, its id
 * derived from the reminder's key (so a reminder dispatched twice lists once). Notifications older
 * than the retention (a year by default) are purged by the retention job: the list is for what is current.
 */
public final class MongoNotifications implements NotificationRepository {

    private final MongoCollection<Document> notifications;

    public MongoNotifications(MongoStore store) {
        this.notifications = store.collection("notifications");
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("citizenId"), Indexes.descending("createdAt"),
                Indexes.descending("_id")));
        notifications.createIndex(Indexes.ascending("citizenId", "read"));
        // kept as long as MITFORLOB_RETENTION_NOTIFICATIONS_DAYS says, by the retention job: a TTL index
        // would fix the time in the index (and the embedded store does not act on TTL)
        dropIndexIfThere("purge");
        notifications.createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("createdAt"));
    }

    private void dropIndexIfThere(String name) {
        for (Document index : notifications.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                notifications.dropIndex(name);
            }
        }
    }

    /** Removes notifications made before {@code cutoff}; how many. */
    public long purgeCreatedBefore(Instant cutoff) {
        return notifications.deleteMany(Filters.lt("createdAt", Date.from(cutoff))).getDeletedCount();
    }

    @Override
    public void addAll(List<Notification> added) {
        if (added.isEmpty()) {
            return;
        }
        try {
            notifications.insertMany(added.stream().map(MongoNotifications::toDocument).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // those already there were listed by an earlier dispatch of the same reminder
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    @Override
    public List<Notification> page(String citizenId, Optional<Position> after, int limit) {
        var filter = after.map(position -> Filters.and(Filters.eq("citizenId", citizenId), Filters.or(
                        Filters.lt("createdAt", Date.from(position.createdAt())),
                        Filters.and(Filters.eq("createdAt", Date.from(position.createdAt())),
                                Filters.lt("_id", position.id())))))
                .orElse(Filters.eq("citizenId", citizenId));
        List<Notification> page = new ArrayList<>();
        notifications.find(filter).sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .forEach(doc -> page.add(fromDocument(doc)));
        return page;
    }

    @Override
    public long unreadCount(String citizenId) {
        return notifications.countDocuments(Filters.and(Filters.eq("citizenId", citizenId), Filters.eq("read", false)));
    }

    @Override
    public Optional<Notification> byId(String citizenId, String id) {
        return Optional.ofNullable(notifications.find(Filters.and(Filters.eq("_id", id),
                Filters.eq("citizenId", citizenId))).first()).map(MongoNotifications::fromDocument);
    }

    @Override
    public Optional<Notification> markRead(String citizenId, String id, Instant at) {
        notifications.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("citizenId", citizenId),
                Filters.eq("read", false)), Updates.combine(Updates.set("read", true), Updates.set("readAt", Date.from(at))));
        return byId(citizenId, id);
    }

    static Document toDocument(Notification notification) {
        Document doc = new Document("_id", notification.id())
                .append("citizenId", notification.citizenId())
                .append("kind", notification.kind().code())
                .append("texts", new Document("da", MongoReminders.text(notification.texts().da()))
                        .append("en", MongoReminders.text(notification.texts().en())))
                .append("deepLink", notification.deepLink())
                .append("createdAt", Date.from(notification.createdAt()))
                .append("read", notification.read());
        notification.readAt().ifPresent(at -> doc.append("readAt", Date.from(at)));
        return doc;
    }

    static Notification fromDocument(Document doc) {
        Document texts = doc.get("texts", Document.class);
        return new Notification(doc.getString("_id"), doc.getString("citizenId"),
                ReminderKind.fromCode(doc.getString("kind")),
                new Texts(MongoReminders.text(texts.get("da", Document.class)),
                        MongoReminders.text(texts.get("en", Document.class))),
                doc.getString("deepLink"), doc.getDate("createdAt").toInstant(),
                Optional.ofNullable(doc.getDate("readAt")).map(Date::toInstant));
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        notifications.deleteMany(Filters.eq("citizenId", citizenId));
    }
}
