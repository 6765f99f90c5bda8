package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * How far each citizen's plan versions have become reminders, in {@code reminder_plan_state} (one
 * small document per citizen), and which survey rounds have had their invitations scheduled, in
 * {@code reminder_rounds}.
 */
public final class MongoPlanNotices implements PlanNoticeRepository, RoundMarks {

    private final MongoCollection<Document> states;
    private final MongoCollection<Document> rounds;

    public MongoPlanNotices(MongoStore store) {
        this.states = store.collection("reminder_plan_state");
        this.rounds = store.collection("reminder_rounds");
        states.createIndex(Indexes.ascending("announcedAt"), new IndexOptions().sparse(true));
    }

    @Override
    public void announce(String citizenId, long version, Instant at) {
        upsert(citizenId, Updates.combine(Updates.max("announcedVersion", version), Updates.set("announcedAt", Date.from(at)),
                Updates.setOnInsert("reconciledVersion", 0L)));
    }

    @Override
    public Optional<State> state(String citizenId) {
        return Optional.ofNullable(states.find(Filters.eq("_id", citizenId)).first()).map(doc -> new State(citizenId,
                doc.get("reconciledVersion", Number.class).longValue(),
                Optional.ofNullable(doc.getDate("groupStart"))
                        .map(start -> new Group(start.toInstant(), doc.getString("groupAuthor")))));
    }

    @Override
    public void reconciled(String citizenId, long version, Optional<Group> group) {
        upsert(citizenId, Updates.max("reconciledVersion", version));
        group.ifPresent(g -> states.updateOne(Filters.and(Filters.eq("_id", citizenId),
                Filters.eq("reconciledVersion", version)), Updates.combine(Updates.set("groupStart", Date.from(g.start())),
                Updates.set("groupAuthor", g.author()))));
        states.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.lte("announcedVersion", version)),
                Updates.combine(Updates.unset("announcedVersion"), Updates.unset("announcedAt")));
    }

    @Override
    public List<String> announcedBefore(Instant before, int limit) {
        List<String> ids = new ArrayList<>();
        states.find(Filters.lt("announcedAt", Date.from(before))).limit(limit).projection(Projections.include("_id"))
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    @Override
    public void clearAnnouncement(String citizenId, Instant before) {
        states.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.lt("announcedAt", Date.from(before))),
                Updates.combine(Updates.unset("announcedVersion"), Updates.unset("announcedAt")));
    }

    @Override
    public int scheduled(String roundId) {
        Document doc = rounds.find(Filters.eq("_id", roundId)).first();
        return doc == null ? 0 : doc.getInteger("invited", 0);
    }

    @Override
    public void markScheduled(String roundId, int invited) {
        rounds.updateOne(Filters.eq("_id", roundId), Updates.set("invited", invited), new UpdateOptions().upsert(true));
    }

    private void upsert(String citizenId, org.bson.conversions.Bson update) {
        // two first writes for the same citizen can race to insert; the loser's upsert then matches
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                states.updateOne(Filters.eq("_id", citizenId), update, new UpdateOptions().upsert(true));
                return;
            } catch (MongoWriteException e) {
                if (!MongoWrites.isDuplicate(e)) {
                    throw e;
                }
            }
        }
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        states.deleteOne(Filters.eq("_id", citizenId));
    }
}
