package dk.mitforlob.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Ledgers in the {@code hours} collection, one document per citizen. A new registration is pushed,
 * a changed one is set in place; either way the version is compared and raised in the same
 * single-document write, together with the outbox item for the caseworker's inbox. Each stored
 * registration also carries {@code status} and {@code current} (its last revision) so that
 * aggregations need not look through revisions.
 */
public final class MongoHoursRepository implements HoursRepository {

    private final MongoCollection<Document> ledgers;
    private final MongoOutbox outbox;

    public MongoHoursRepository(MongoStore store, MongoOutbox outbox) {
        this.ledgers = store.collection("hours");
        this.outbox = outbox;
        ledgers.createIndex(Indexes.ascending("municipality"));
        outbox.register(ledgers);
    }

    @Override
    public HoursLedger ledger(String citizenId, String municipality) {
        Document doc = ledgers.find(Filters.eq("_id", citizenId)).projection(new Document("outbox", 0)).first();
        if (doc == null) {
            return HoursLedger.empty(citizenId, municipality);
        }
        List<Registration> registrations = doc.getList("registrations", Document.class, List.of()).stream()
                .map(r -> JsonDocuments.fromDocument(r, Registration.class)).toList();
        return new HoursLedger(citizenId, doc.getString("municipality"), doc.get("version", Number.class).longValue(),
                registrations);
    }

    @Override
    public boolean save(HoursLedger.Change change, long expectedVersion, InboxItem input) {
        HoursLedger ledger = change.ledger();
        Document registration = toDocument(change.registration());
        boolean stored;
        if (expectedVersion == 0) {
            stored = insertFirst(ledger, registration, input);
        } else {
            boolean appended = change.registration().revisions().size() == 1;
            Bson write = appended
                    ? Updates.push("registrations", registration)
                    : Updates.set("registrations." + change.index(), registration);
            stored = ledgers.updateOne(Filters.and(Filters.eq("_id", ledger.citizenId()),
                            Filters.eq("version", expectedVersion)),
                    Updates.combine(write, Updates.set("version", ledger.version()), MongoOutbox.push(List.of(input))))
                    .getModifiedCount() == 1;
        }
        if (stored) {
            outbox.flush(ledgers, ledger.citizenId());
        }
        return stored;
    }

    private boolean insertFirst(HoursLedger ledger, Document registration, InboxItem input) {
        return MongoWrites.insertIfAbsent(ledgers, MongoOutbox.withOutbox(new Document("_id", ledger.citizenId())
                .append("municipality", ledger.municipality())
                .append("version", ledger.version())
                .append("registrations", new ArrayList<>(List.of(registration))), List.of(input)));
    }

    @Override
    public List<CitizenMonth> monthlyTotals(LocalDate from, LocalDate to) {
        List<CitizenMonth> totals = new ArrayList<>();
        ledgers.aggregate(List.of(
                Aggregates.unwind("$registrations"),
                Aggregates.match(Filters.and(Filters.eq("registrations.status", "active"),
                        Filters.gte("registrations.current.date", from.toString()),
                        Filters.lte("registrations.current.date", to.toString()))),
                Aggregates.group(new Document("citizen", "$_id").append("month", "$registrations.current.month"),
                        Accumulators.sum("quarters", "$registrations.current.quarters"))))
                .forEach(doc -> {
                    Document key = doc.get("_id", Document.class);
                    totals.add(new CitizenMonth(key.getString("citizen"), key.getString("month"),
                            doc.get("quarters", Number.class).longValue()));
                });
        return totals;
    }

    private static Document toDocument(Registration registration) {
        return JsonDocuments.toDocument(registration)
                .append("status", registration.withdrawn() ? "withdrawn" : "active")
                .append("current", JsonDocuments.toDocument(registration.current()));
    }
}
