package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.Migrations;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Moves wishes versions out of the citizen's document, where the first shape kept them all in a
 * {@code history} array, into {@code wishes_versions} (copy each, then remove the array), and
 * records every citizen's current wishes in the evaluators' roll-up, which the first shape did
 * not have. Run again, it copies nothing twice and records nothing older.
 */
public final class MongoWishesHistoryMigration implements Migrations.Step {

    private final MongoCollection<Document> wishes;
    private final MongoCollection<Document> versions;
    private final WishesRollup rollup;

    public MongoWishesHistoryMigration(MongoStore store, WishesRollup rollup) {
        this.wishes = store.collection("wishes");
        this.versions = store.collection("wishes_versions");
        this.rollup = rollup;
    }

    @Override
    public String name() {
        return "wishes: versions to a collection of their own, current wishes to the evaluators' roll-up";
    }

    @Override
    public void run(Runnable stillMine) {
        List<Object> ids = new ArrayList<>();
        wishes.find().projection(Projections.include("_id")).forEach(d -> ids.add(d.get("_id")));
        for (int i = 0; i < ids.size(); i++) {
            String citizenId = (String) ids.get(i);
            Document doc = wishes.find(Filters.eq("_id", citizenId))
                    .projection(Projections.include("history", "current")).first();
            if (doc != null) {
                if (doc.containsKey("history")) {
                    for (Document version : doc.getList("history", Document.class, List.of())) {
                        long number = version.get("version", Number.class).longValue();
                        MongoWrites.insertIfAbsent(versions, new Document(version)
                                .append("_id", MongoWishesRepository.versionId(citizenId, number))
                                .append("citizenId", citizenId));
                    }
                    wishes.updateOne(Filters.eq("_id", citizenId), Updates.unset("history"));
                }
                WishesVersion current = JsonDocuments.fromDocument(doc.get("current", Document.class),
                        WishesVersion.class);
                rollup.record(citizenId, current.version(), current.wishes());
            }
            if (i % 100 == 99) {
                stillMine.run();
            }
        }
    }
}
