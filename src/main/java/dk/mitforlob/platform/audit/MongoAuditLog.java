package dk.mitforlob.platform.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dk.mitforlob.platform.storage.MongoStore;

/** The audit log in its own collection, written with inserts only. */
public final class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> entries;

    public MongoAuditLog(MongoStore store) {
        this.entries = store.collection("audit_log");
        // a citizen's access log pages newest first over this index: the cost is the page's, not the history's
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("citizenId"), Indexes.descending("at"),
                Indexes.descending("_id")));
        entries.createIndex(Indexes.ascending("at"));
    }

    @Override
    public void append(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(batch.size());
        for (AuditEntry entry : batch) {
            documents.add(new Document("_id", new ObjectId())
                    .append("at", Date.from(entry.at()))
                    .append("requestId", entry.requestId())
                    .append("actor", new Document("subject", entry.actorSubject())
                            .append("role", entry.actorRole())
                            .append("issuer", entry.actorIssuer()))
                    .append("action", entry.action())
                    .append("resource", entry.resource())
                    .append("citizenId", entry.citizenId())
                    .append("municipality", entry.municipality()));
        }
        entries.insertMany(documents);
    }

    @Override
    public List<Recorded> othersOn(String citizenId, Instant from, Instant to, Optional<Position> after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("citizenId", citizenId),
                Filters.gte("at", Date.from(from)), Filters.lt("at", Date.from(to)),
                Filters.ne("actor.role", "citizen")));
        after.ifPresent(position -> filters.add(Filters.or(
                Filters.lt("at", Date.from(position.at())),
                Filters.and(Filters.eq("at", Date.from(position.at())), Filters.lt("_id", new ObjectId(position.id()))))));
        List<Recorded> found = new ArrayList<>();
        for (Document d : entries.find(Filters.and(filters)).sort(Sorts.descending("at", "_id")).limit(limit)) {
            Document actor = d.get("actor", Document.class);
            found.add(new Recorded(d.getObjectId("_id").toHexString(), new AuditEntry(d.getDate("at").toInstant(),
                    d.getString("requestId"), actor.getString("subject"), actor.getString("role"),
                    actor.getString("issuer"), d.getString("action"), d.getString("resource"),
                    d.getString("citizenId"), d.getString("municipality"))));
        }
        return found;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return entries.deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }
}
