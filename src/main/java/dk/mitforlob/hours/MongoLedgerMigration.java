package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.Migrations;
import dk.mitforlob.platform.storage.MongoStore;

/**
 * Moves paid hours from the first shape, one ledger document per citizen in {@code hours} holding
 * every registration, to one document per citizen and month. Per ledger: deliver what its outbox
 * still holds, write its months whole (the same months again on a re-run), place every
 * registration, record the months for the evaluators, and only then delete the ledger — a ledger
 * that is still there has not been fully moved, and moving it again gives the same result.
 */
public final class MongoLedgerMigration implements Migrations.Step {

    private final MongoCollection<Document> ledgers;
    private final MongoHoursRepository repository;
    private final MongoOutbox outbox;

    public MongoLedgerMigration(MongoStore store, MongoOutbox outbox, MongoHoursRepository repository) {
        this.ledgers = store.collection("hours");
        this.repository = repository;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "paid hours: from one ledger per citizen to one document per citizen and month";
    }

    @Override
    public void run(Runnable stillMine) {
        List<Object> ids = new ArrayList<>();
        ledgers.find().projection(Projections.include("_id")).forEach(doc -> ids.add(doc.get("_id")));
        for (int i = 0; i < ids.size(); i++) {
            move(ids.get(i));
            if (i % 100 == 99) {
                stillMine.run();
            }
        }
    }

    private void move(Object id) {
        outbox.deliverLeftovers(ledgers, id);
        Document ledger = ledgers.find(Filters.eq("_id", id)).first();
        if (ledger == null) {
            return;
        }
        String citizenId = (String) id;
        String municipality = ledger.getString("municipality");
        Map<YearMonth, List<Registration>> byMonth = new TreeMap<>();
        for (Document stored : ledger.getList("registrations", Document.class, List.of())) {
            Registration registration = MongoHoursRepository.registration(stored);
            byMonth.computeIfAbsent(YearMonth.from(registration.current().date()), m -> new ArrayList<>())
                    .add(registration);
        }
        List<HoursMonth> moved = new ArrayList<>();
        byMonth.forEach((month, registrations) ->
                moved.add(HoursMonth.imported(citizenId, municipality, month, registrations)));
        repository.importMonths(moved);
        ledgers.deleteOne(Filters.eq("_id", id));
    }
}
