package dk.mitforlob.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.Contributions.Comment;
import dk.mitforlob.plan.Contributions.MeetingObjection;
import dk.mitforlob.plan.Contributions.OwnStep;
import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Plans in the {@code plans} collection, one document per citizen holding the current version,
 * all versions, the citizen's contributions and the outbox of input not yet in the inbox. Every
 * write touches one document, so each is atomic without transactions.
 */
public final class MongoPlanRepository implements PlanRepository {

    private final MongoCollection<Document> plans;
    private final MongoOutbox outbox;

    public MongoPlanRepository(MongoStore store, MongoOutbox outbox) {
        this.plans = store.collection("plans");
        this.outbox = outbox;
        plans.createIndex(Indexes.ascending("municipality"));
        outbox.register(plans);
    }

    @Override
    public Optional<PlanRecord> find(String citizenId) {
        Document doc = plans.find(Filters.eq("_id", citizenId))
                .projection(Projections.exclude("history", "outbox")).first();
        if (doc == null) {
            return Optional.empty();
        }
        Document current = doc.get("current", Document.class);
        return Optional.of(new PlanRecord(citizenId, doc.getString("municipality"),
                Optional.ofNullable(current).map(d -> JsonDocuments.fromDocument(d, PlanVersion.class)),
                doc.get("seenVersion", Number.class).longValue(),
                Optional.ofNullable(doc.get("seenPlan", Document.class))
                        .map(d -> JsonDocuments.fromDocument(d, Plan.class)).orElse(Plan.empty()),
                list(doc, "steps", OwnStep.class), list(doc, "comments", Comment.class),
                list(doc, "objections", MeetingObjection.class)));
    }

    @Override
    public List<PlanVersion> history(String citizenId) {
        Document doc = plans.find(Filters.eq("_id", citizenId)).projection(Projections.include("history")).first();
        List<PlanVersion> versions = new ArrayList<>(doc == null ? List.of() : list(doc, "history", PlanVersion.class));
        versions.sort((a, b) -> Long.compare(b.version(), a.version()));
        return versions;
    }

    @Override
    public boolean publish(String citizenId, String municipality, long expectedVersion, PlanVersion next) {
        Document version = JsonDocuments.toDocument(next);
        if (expectedVersion == 0) {
            return MongoWrites.insertIfAbsent(plans, new Document("_id", citizenId)
                    .append("municipality", municipality)
                    .append("version", next.version())
                    .append("current", version)
                    .append("history", List.of(version))
                    .append("seenVersion", 0L)
                    .append("steps", List.of())
                    .append("comments", List.of())
                    .append("objections", List.of()));
        }
        return plans.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.eq("version", expectedVersion)),
                Updates.combine(Updates.set("version", next.version()), Updates.set("current", version),
                        Updates.push("history", version))).getMatchedCount() == 1;
    }

    @Override
    public void markSeen(String citizenId, long version, Plan plan) {
        plans.updateOne(Filters.and(Filters.eq("_id", citizenId), Filters.lt("seenVersion", version)),
                Updates.combine(Updates.set("seenVersion", version),
                        Updates.set("seenPlan", JsonDocuments.toDocument(plan))));
    }

    @Override
    public boolean addStep(String citizenId, OwnStep step, InboxItem input) {
        return withInput(citizenId, Filters.ne("steps.id", step.id()),
                Updates.push("steps", JsonDocuments.toDocument(step)), input);
    }

    @Override
    public boolean markStepDone(String citizenId, String stepId, Instant at, InboxItem input) {
        return withInput(citizenId, Filters.elemMatch("steps", Filters.and(Filters.eq("id", stepId),
                        Filters.eq("done", false))),
                Updates.combine(Updates.set("steps.$.done", true), Updates.set("steps.$.doneAt", at.toString())),
                input);
    }

    @Override
    public boolean addComment(String citizenId, Comment comment, InboxItem input) {
        return withInput(citizenId, Filters.ne("comments.id", comment.id()),
                Updates.push("comments", JsonDocuments.toDocument(comment)), input);
    }

    @Override
    public boolean addObjection(String citizenId, MeetingObjection objection, InboxItem input) {
        return withInput(citizenId, Filters.ne("objections.id", objection.id()),
                Updates.push("objections", JsonDocuments.toDocument(objection)), input);
    }

    /** The citizen's change and the inbox item it produces, in one atomic write; then the item is delivered. */
    private boolean withInput(String citizenId, Bson condition, Bson change, InboxItem input) {
        boolean applied = plans.updateOne(Filters.and(Filters.eq("_id", citizenId), condition),
                Updates.combine(change, MongoOutbox.push(List.of(input)))).getModifiedCount() == 1;
        outbox.flush(plans, citizenId);
        return applied;
    }

    private static <T> List<T> list(Document doc, String field, Class<T> type) {
        return doc.getList(field, Document.class, List.of()).stream()
                .map(item -> JsonDocuments.fromDocument(item, type)).toList();
    }
}
