package dk.mitforlob.plan;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.Migrations;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Moves plan versions out of the citizen's document, where the first shape kept them all in a
 * {@code history} array, into {@code plan_versions}: copy each version (a copy already there is
 * kept), then remove the array. A document that still has its array has not been fully moved.
 */
public final class MongoPlanHistoryMigration implements Migrations.Step {

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> versions;

    public MongoPlanHistoryMigration(MongoStore store) {
        this.plans = store.collection("plans");
        this.versions = store.collection("plan_versions");
    }

    @Override
    public String name() {
        return "plans: versions from the plan document to a collection of their own";
    }

    @Override
    public void run(Runnable stillMine) {
        List<Object> ids = new ArrayList<>();
        plans.find(Filters.exists("history")).projection(Projections.include("_id")).forEach(d -> ids.add(d.get("_id")));
        for (int i = 0; i < ids.size(); i++) {
            Document plan = plans.find(Filters.eq("_id", ids.get(i))).projection(Projections.include("history")).first();
            if (plan != null) {
                for (Document version : plan.getList("history", Document.class, List.of())) {
                    MongoWrites.insertIfAbsent(versions, MongoPlanRepository.versionDocument((String) ids.get(i),
                            version));
                }
                plans.updateOne(Filters.eq("_id", ids.get(i)), Updates.unset("history"));
            }
            if (i % 100 == 99) {
                stillMine.run();
            }
        }
    }
}
