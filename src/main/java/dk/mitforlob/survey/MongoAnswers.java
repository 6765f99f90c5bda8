package dk.mitforlob.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Answers in {@code survey_answers}: buckets of at most about {@value #BUCKET_SIZE} answers of one
 * round, municipality and programme ({@code _id} "round|municipality|programme|n"), each answer put
 * at a random place so the order says nothing about who answered when, with the bucket's counts
 * beside them ({@code counts.<item>.n}, {@code counts.<item>.v.<value>}). Free texts are in
 * {@code survey_free_texts} under random ids, with the round and the item only.
 */
public final class MongoAnswers implements AnswerRepository {

    static final int BUCKET_SIZE = 200;
    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> texts;

    public MongoAnswers(MongoStore store) {
        this.buckets = store.collection("survey_answers");
        this.texts = store.collection("survey_free_texts");
        buckets.createIndex(Indexes.compoundIndex(Indexes.ascending("roundId", "municipality", "programme"),
                Indexes.descending("n")));
        texts.createIndex(Indexes.ascending("roundId", "itemId", "_id"));
    }

    @Override
    public String bucketFor(String roundId, String municipality, String programme) {
        String group = roundId + "|" + municipality + "|" + programme;
        // the group's buckets are the ids "<group>|<n>": a range of the id index in MongoDB and in the
        // embedded store, which has no other index to find them by and would read every bucket
        Document last = buckets.find(Filters.and(Filters.gte("_id", group + "|"), Filters.lt("_id", group + "}")))
                .sort(Sorts.descending("n")).projection(Projections.include("n", "size")).first();
        int n = 0;
        if (last != null) {
            n = last.get("n", Number.class).intValue();
            if (last.get("size", Number.class).intValue() >= BUCKET_SIZE) {
                n++;
            }
        }
        return group + "|" + n;
    }

    @Override
    public void add(String bucket, String roundId, String municipality, String programme, String answerId,
                    String isoWeek, Map<String, Object> values, List<String> counted) {
        Document entry = new Document("id", answerId).append("week", isoWeek)
                .append("values", new Document(new LinkedHashMap<>(values)));
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("roundId", roundId), Updates.setOnInsert("municipality", municipality),
                Updates.setOnInsert("programme", programme),
                Updates.setOnInsert("n", Integer.parseInt(bucket.substring(bucket.lastIndexOf('|') + 1))),
                Updates.inc("size", 1), Updates.inc("answered", 1),
                Updates.pushEach("answers", List.of(entry),
                        new PushOptions().position(ThreadLocalRandom.current().nextInt(BUCKET_SIZE)))));
        counted.forEach(counter -> updates.add(Updates.inc("counts." + counter, 1)));
        Bson notYetThere = Filters.and(Filters.eq("_id", bucket), Filters.ne("answers.id", answerId));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                buckets.updateOne(notYetThere, Updates.combine(updates), new UpdateOptions().upsert(true));
                return;
            } catch (MongoException e) {
                // an upsert that found the bucket already there (duplicate key; the embedded store words it
                // differently): either the bucket has this answer (done) or another writer created it first
                // (add again). The write is guarded by the answer's id, so trying it again is always safe.
                if (buckets.countDocuments(Filters.and(Filters.eq("_id", bucket), Filters.eq("answers.id", answerId))) > 0) {
                    return;
                }
                if (attempt == MAX_ATTEMPTS - 1) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void addTexts(String roundId, List<Participation.FreeText> freeTexts) {
        for (Participation.FreeText text : freeTexts) {
            MongoWrites.insertIfAbsent(texts, new Document("_id", text.id()).append("roundId", roundId)
                    .append("itemId", text.itemId()).append("text", text.text()));
        }
    }

    @Override
    public List<Tally> tallies(String roundId) {
        List<Tally> tallies = new ArrayList<>();
        buckets.find(Filters.eq("roundId", roundId)).projection(Projections.exclude("answers")).forEach(doc -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            Document items = doc.get("counts", Document.class);
            if (items != null) {
                items.forEach((itemId, item) -> {
                    Document figures = (Document) item;
                    Object n = figures.get("n");
                    if (n != null) {
                        counts.put(Tally.answers(itemId), ((Number) n).longValue());
                    }
                    Document values = figures.get("v", Document.class);
                    if (values != null) {
                        values.forEach((value, count) -> counts.put(Tally.value(itemId, value),
                                ((Number) count).longValue()));
                    }
                });
            }
            tallies.add(new Tally(doc.getString("municipality"), doc.getString("programme"),
                    doc.get("answered", Number.class).longValue(), counts));
        });
        return tallies;
    }

    @Override
    public List<Participation.FreeText> texts(String roundId, String itemId, Optional<String> afterId, int limit) {
        Bson filter = Filters.and(Filters.eq("roundId", roundId), Filters.eq("itemId", itemId));
        if (afterId.isPresent()) {
            filter = Filters.and(filter, Filters.gt("_id", afterId.get()));
        }
        List<Participation.FreeText> found = new ArrayList<>();
        // ids are random, so their order is a shuffle that stays put from page to page
        texts.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(doc -> found.add(
                new Participation.FreeText(doc.getString("_id"), doc.getString("itemId"), doc.getString("text"))));
        return found;
    }
}
