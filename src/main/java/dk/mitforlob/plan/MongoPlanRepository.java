package dk.mitforlob.plan;

import java.time.Instant;
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
import dk.mitforlob.platform.storage.VersionPages;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Plans in two collections. {@code plans}: one document per citizen holding the current version,
 * the version the citizen has seen (and its plan), the citizen's contributions and the outbox of
 * input not yet in the inbox — every write touches this one document, so each is atomic without
 * transactions. {@code plan_versions}: one document per version ({@code _id}
 * {@code <citizen>|<version>}). Publishing is one compare-and-set write on the citizen's document,
 * the commit; the new version's copy follows, and the copy of the version it replaces is made sure
 * of first, so every version but the current one is always among the versions and the current one
 * is in the citizen's document. A page of history is a read by computed ids.
 */
public final class MongoPlanRepository implements PlanRepository {

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> versions;
    private final MongoOutbox outbox;

    public MongoPlanRepository(MongoStore store, MongoOutbox outbox) {
        this.plans = store.collection("plans");
        this.versions = store.collection("plan_versions");
        this.outbox = outbox;
        plans.createIndex(Indexes.ascending("municipality"));
        outbox.register(plans);
    }

    static String versionId(String citizenId, long version) {
        return citizenId + "|" + version;
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
    public List<PlanVersion> history(String citizenId, long beforeVersion, int limit) {
        return VersionPages.newestFirst(find(citizenId).flatMap(PlanRecord::current), beforeVersion, limit, versions,
                v -> versionId(citizenId, v), MongoPlanRepository::fromVersionDocument, PlanVersion::version);
    }

    @Override
    public Optional<PlanVersion> version(String citizenId, long version) {
        Optional<PlanVersion> current = find(citizenId).flatMap(PlanRecord::current)
                .filter(v -> v.version() == version);
        if (current.isPresent()) {
            return current;
        }
        return Optional.ofNullable(versions.find(Filters.eq("_id", versionId(citizenId, version))).first())
                .map(MongoPlanRepository::fromVersionDocument);
    }

    @Override
    public boolean publish(String citizenId, String municipality, long expectedVersion, PlanVersion next) {
        Document version = JsonDocuments.toDocument(next);
        boolean published;
        if (expectedVersion == 0) {
            published = MongoWrites.insertIfAbsent(plans, new Document("_id", citizenId)
                    .append("municipality", municipality)
                    .append("version", next.version())
                    .append("current", version)
                    .append("seenVersion", 0L)
                    .append("steps", List.of())
                    .append("comments", List.of())
                    .append("objections", List.of()));
        } else {
            find(citizenId).flatMap(PlanRecord::current)
                    .filter(current -> current.version() == expectedVersion)
                    .ifPresent(current -> keepVersion(citizenId, current));
            published = plans.updateOne(Filters.and(Filters.eq("_id", citizenId),
                            Filters.eq("version", expectedVersion)),
                    Updates.combine(Updates.set("version", next.version()), Updates.set("current", version)))
                    .getMatchedCount() == 1;
        }
        if (published) {
            keepVersion(citizenId, next);
        }
        return published;
    }

    /**
     * Writes a citizen's plan with all its versions at once, the last one current, for a citizen
     * who has none yet: for loading plans made elsewhere, such as a benchmark's population.
     */
    public void importPlan(String citizenId, String municipality, List<PlanVersion> history) {
        PlanVersion current = history.getLast();
        plans.insertOne(new Document("_id", citizenId)
                .append("municipality", municipality)
                .append("version", current.version())
                .append("current", JsonDocuments.toDocument(current))
                .append("seenVersion", 0L)
                .append("steps", List.of())
                .append("comments", List.of())
                .append("objections", List.of()));
        versions.insertMany(history.stream().map(v -> JsonDocuments.toDocument(v)
                .append("_id", versionId(citizenId, v.version())).append("citizenId", citizenId)).toList());
    }

    /** Copies a version among the versions; copying it again changes nothing. */
    private void keepVersion(String citizenId, PlanVersion version) {
        MongoWrites.insertIfAbsent(versions, JsonDocuments.toDocument(version)
                .append("_id", versionId(citizenId, version.version()))
                .append("citizenId", citizenId));
    }

    /** The stored form of a version among the versions; the start-up migration writes it too. */
    static Document versionDocument(String citizenId, Document version) {
        long number = version.get("version", Number.class).longValue();
        return new Document(version).append("_id", versionId(citizenId, number)).append("citizenId", citizenId);
    }

    private static PlanVersion fromVersionDocument(Document doc) {
        return JsonDocuments.fromDocument(doc, PlanVersion.class);
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
        String ticket = outbox.announce(plans, citizenId);
        boolean applied = plans.updateOne(Filters.and(Filters.eq("_id", citizenId), condition),
                Updates.combine(change, MongoOutbox.push(List.of(input)))).getModifiedCount() == 1;
        if (applied) {
            outbox.flush(plans, citizenId, ticket, List.of(input), () -> { });
        } else {
            // the condition did not hold (a retry of a step already there): anything left in the outbox is delivered
            outbox.flush(plans, citizenId, ticket);
        }
        return applied;
    }

    private static <T> List<T> list(Document doc, String field, Class<T> type) {
        return doc.getList(field, Document.class, List.of()).stream()
                .map(item -> JsonDocuments.fromDocument(item, type)).toList();
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        // version ids are "<citizen>|<version>": a range of the _id index, not a scan
        versions.deleteMany(Filters.and(Filters.gte("_id", citizenId + "|"), Filters.lt("_id", citizenId + "}")));
        plans.deleteOne(Filters.eq("_id", citizenId));
    }
}
