package dk.mitforlob.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;

/**
 * Invitations in {@code survey_participation}, {@code _id} "round|citizen". The record is written
 * when the invited set is fixed and later only changed in place: it carries no time of answering.
 */
public final class MongoParticipation implements ParticipationRepository {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> records;

    public MongoParticipation(MongoStore store) {
        this.records = store.collection("survey_participation");
        records.createIndex(Indexes.ascending("roundId"));
        records.createIndex(Indexes.ascending("citizenId"));
        records.createIndex(Indexes.ascending("state", "pendingSince"));
    }

    private static String id(String roundId, String citizenId) {
        return roundId + "|" + citizenId;
    }

    @Override
    public void invite(String roundId, List<Invitee> invitees) {
        if (invitees.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Invitee invitee : invitees) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id(roundId, invitee.citizenId())),
                    Updates.combine(Updates.setOnInsert("roundId", roundId),
                            Updates.setOnInsert("citizenId", invitee.citizenId()),
                            Updates.setOnInsert("municipality", invitee.municipality()),
                            Updates.setOnInsert("programme", invitee.programme()),
                            Updates.setOnInsert("state", "invited")),
                    new UpdateOptions().upsert(true)));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                records.bulkWrite(writes);
                return;
            } catch (MongoException e) {
                // two upserts of one invitation at once (the opening and a citizen answering) can collide;
                // every write here is an idempotent upsert, so the batch is simply done again
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Map<Cell, Long> invitedPerCell(String roundId) {
        Map<Cell, Long> cells = new HashMap<>();
        records.aggregate(List.of(Aggregates.match(Filters.eq("roundId", roundId)),
                        Aggregates.group(new Document("m", "$municipality").append("p", "$programme"),
                                Accumulators.sum("n", 1))))
                .forEach(doc -> {
                    Document key = doc.get("_id", Document.class);
                    cells.put(new Cell(key.getString("m"), key.getString("p")), doc.get("n", Number.class).longValue());
                });
        return cells;
    }

    @Override
    public Optional<Participation> find(String roundId, String citizenId) {
        return Optional.ofNullable(records.find(Filters.eq("_id", id(roundId, citizenId))).first())
                .map(MongoParticipation::read);
    }

    @Override
    public List<String> invitedIds(String roundId) {
        List<String> ids = new ArrayList<>();
        records.find(Filters.eq("roundId", roundId)).projection(Projections.include("citizenId"))
                .forEach(doc -> ids.add(doc.getString("citizenId")));
        return ids;
    }

    @Override
    public boolean startAnswering(String roundId, String citizenId, String operationId,
                                  Participation.PendingAnswer pending) {
        return records.updateOne(Filters.and(Filters.eq("_id", id(roundId, citizenId)), Filters.eq("state", "invited")),
                Updates.combine(Updates.set("state", "answering"), Updates.set("operationId", operationId),
                        Updates.set("pending", JsonDocuments.toDocument(pending)),
                        Updates.set("pendingSince", Date.from(pending.since()))))
                .getModifiedCount() == 1;
    }

    @Override
    public boolean finishAnswering(String roundId, String citizenId, String operationId) {
        return records.updateOne(Filters.and(Filters.eq("_id", id(roundId, citizenId)), Filters.eq("state", "answering"),
                        Filters.eq("operationId", operationId)),
                Updates.combine(Updates.set("state", "answered"), Updates.unset("pending"),
                        Updates.unset("pendingSince")))
                .getModifiedCount() == 1;
    }

    @Override
    public List<Participation> ofCitizen(String citizenId) {
        List<Participation> found = new ArrayList<>();
        records.find(Filters.eq("citizenId", citizenId)).sort(Sorts.ascending("roundId"))
                .forEach(doc -> found.add(read(doc)));
        return found;
    }

    @Override
    public List<Participation> pendingSince(Instant before, int limit) {
        List<Participation> found = new ArrayList<>();
        records.find(Filters.and(Filters.eq("state", "answering"), Filters.lt("pendingSince", Date.from(before))))
                .limit(limit).forEach(doc -> found.add(read(doc)));
        return found;
    }

    private static Participation read(Document doc) {
        Document pending = doc.get("pending", Document.class);
        return new Participation(doc.getString("roundId"), doc.getString("citizenId"), doc.getString("municipality"),
                doc.getString("programme"),
                Participation.State.valueOf(doc.getString("state").toUpperCase(Locale.ROOT)),
                doc.getString("operationId"),
                pending == null ? null : JsonDocuments.fromDocument(pending, Participation.PendingAnswer.class));
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        records.deleteMany(Filters.eq("citizenId", citizenId));
    }
}
