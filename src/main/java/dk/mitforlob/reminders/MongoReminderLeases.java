package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;

/**
 * Leases on reminders, in {@code reminder_leases}: one document per leased reminder, its {@code _id}
 * the reminder's key, so the unique {@code _id} lets only one dispatcher hold a reminder. A lease
 * names its holder and the claim it belongs to, and runs out at {@code until}; then any dispatcher
 * removes it. The collection holds only what is in flight, so looking through it is cheap.
 */
final class MongoReminderLeases {

    private final MongoCollection<Document> leases;

    MongoReminderLeases(MongoStore store) {
        this.leases = store.collection("reminder_leases");
    }

    /** Removes the leases that have run out: their holders died or hung. */
    void expire(Instant now) {
        leases.deleteMany(Filters.lte("until", Date.from(now)));
    }

    /** Those of the keys that someone holds. */
    Set<String> leased(Collection<String> keys) {
        Set<String> leased = new HashSet<>();
        if (!keys.isEmpty()) {
            leases.find(Filters.in("_id", keys)).projection(Projections.include("_id"))
                    .forEach(doc -> leased.add(doc.getString("_id")));
        }
        return leased;
    }

    /** Takes a lease on each key nobody holds; the keys taken. */
    List<String> take(List<String> keys, String owner, String token, Instant until) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Document> wanted = keys.stream().map(key -> new Document("_id", key).append("owner", owner)
                .append("token", token).append("until", Date.from(until))).toList();
        Set<Integer> refused = new HashSet<>();
        try {
            leases.insertMany(wanted, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // another dispatcher leased these first
            e.getWriteErrors().forEach(error -> refused.add(error.getIndex()));
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!refused.contains(i)) {
                taken.add(keys.get(i));
            }
        }
        return taken;
    }

    /** Those of the keys still leased under {@code token}. */
    Set<String> heldBy(Collection<String> keys, String token) {
        Set<String> held = new HashSet<>();
        leases.find(Filters.and(Filters.in("_id", keys), Filters.eq("token", token)))
                .projection(Projections.include("_id")).forEach(doc -> held.add(doc.getString("_id")));
        return held;
    }

    /** Extends the leases still held under {@code token} to {@code until}; those of the keys still held. */
    Set<String> renew(Collection<String> keys, String token, Instant until) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        leases.updateMany(Filters.and(Filters.in("_id", List.copyOf(keys)), Filters.eq("token", token)),
                Updates.set("until", Date.from(until)));
        return heldBy(keys, token);
    }

    void drop(Collection<String> keys) {
        if (!keys.isEmpty()) {
            leases.deleteMany(Filters.in("_id", List.copyOf(keys)));
        }
    }

    /** Gives up every lease {@code owner} holds; how many. */
    int release(String owner) {
        return (int) leases.deleteMany(Filters.eq("owner", owner)).getDeletedCount();
    }
}
