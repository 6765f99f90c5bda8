package dk.mitforlob.platform.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;

import dk.mitforlob.platform.storage.MongoStore;

/** The audit log in its own collection, written with inserts only. */
public final class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> entries;

    public MongoAuditLog(MongoStore store) {
        this.entries = store.collection("audit_log");
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("citizenId"), Indexes.descending("at")));
    }

    @Override
    public void append(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(batch.size());
        for (AuditEntry entry : batch) {
            documents.add(new Document("at", Date.from(entry.at()))
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

}
