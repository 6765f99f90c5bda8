package dk.mitforlob.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.KeyValue;

import dk.mitforlob.testing.TestLogging;

/** The embedded default store, through the real driver: what the code relies on it to do. */
class EmbeddedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void what_is_written_to_the_on_disk_store_is_there_after_a_restart() {
        TestLogging.configure();
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            store.collection("things").insertOne(new Document("_id", "a").append("value", 1));
        }

        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            Document found = store.collection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("value")).isEqualTo(1);
        }
    }

    @Test
    void a_unique_index_refuses_a_duplicate_with_the_duplicate_key_error() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.inMemory())) {
            var things = store.collection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", 1).append("key", "k"));

            try {
                things.insertOne(new Document("_id", 2).append("key", "k"));
                throw new AssertionError("the duplicate was accepted");
            } catch (MongoWriteException e) {
                assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            }
        }
    }

    @Test
    void queries_the_driver_writes_with_and_are_answered_from_the_id_index() {
        EmbeddedMongo embedded = EmbeddedMongo.inMemory();
        try (MongoStore store = MongoStore.connect(embedded)) {
            var months = store.collection("months");
            for (String citizen : List.of("a", "b", "c")) {
                for (int month = 1; month <= 3; month++) {
                    months.insertOne(new Document("_id", citizen + "|2026-0" + month).append("version", month));
                }
            }
            months.insertOne(new Document("_id", 7).append("version", 1));
            long before = embedded.collectionScans();

            // a compare-and-set: Filters.and is sent as {$and: [{_id: ...}, {version: ...}]}
            assertThat(months.updateOne(Filters.and(Filters.eq("_id", "b|2026-02"), Filters.eq("version", 2)),
                    Updates.set("version", 3)).getModifiedCount()).isEqualTo(1);
            assertThat(months.updateOne(Filters.and(Filters.eq("_id", "b|2026-02"), Filters.eq("version", 2)),
                    Updates.set("version", 4)).getModifiedCount()).isZero();
            // one citizen's range of ids, bounds included or not
            assertThat(ids(months.find(Filters.and(Filters.gte("_id", "b|"), Filters.lt("_id", "b}")))))
                    .containsExactly("b|2026-01", "b|2026-02", "b|2026-03");
            assertThat(ids(months.find(Filters.and(Filters.gt("_id", "b|2026-01"), Filters.lte("_id", "b|2026-03")))))
                    .containsExactly("b|2026-02", "b|2026-03");
            assertThat(ids(months.find(Filters.lt("_id", "a|2026-02")))).containsExactly("a|2026-01");
            assertThat(ids(months.find(Filters.gte("_id", "c|2026-03")))).containsExactly("c|2026-03");
            assertThat(ids(months.find(Filters.and(Filters.gte("_id", "a|"), Filters.lt("_id", "b}"),
                    Filters.eq("version", 3))))).containsExactly("a|2026-03", "b|2026-02", "b|2026-03");
            assertThat(ids(months.find(Filters.and(Filters.gte("_id", "c|"), Filters.eq("version", 1),
                    Filters.lt("_id", "c}"))))).containsExactly("c|2026-01");
            // a roll-up's guarded write: the id and an $or on the entry's version
            assertThat(months.updateOne(Filters.and(Filters.eq("_id", "c|2026-01"), Filters.or(Filters.lt("version", 2),
                    Filters.exists("version", false))), Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);
            assertThat(embedded.collectionScans()).as("queries that read the whole collection").isEqualTo(before);

            // what the id index cannot answer is still answered, by reading everything
            assertThat(ids(months.find(Filters.eq("version", 1)))).containsExactlyInAnyOrder("a|2026-01", "b|2026-01",
                    7);
            assertThat(embedded.collectionScans()).isEqualTo(before + 1);
        }
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    @Test
    void an_index_rebuild_cut_short_is_made_whole_at_the_next_start() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            var things = store.collection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                things.insertOne(new Document("_id", "thing-" + i).append("key", "key-" + i));
            }
        }
        try (MVStore file = MVStore.open(dataDir.resolve("mitforlob.mv.db").toString())) {
            // as if killed while rebuilding: H2 committed the index maps with 5 keys each, not yet marked built
            MVMap<String, String> built = file.openMap("store:indexes");
            for (String name : file.getMapNames()) {
                if (name.startsWith("mitforlob.things._index_")) {
                    MVMap<KeyValue, Object> index = file.openMap(name,
                            new MVMap.Builder<KeyValue, Object>().keyType(BsonTypes.INDEX_KEYS));
                    new ArrayList<>(index.keyList()).subList(5, 20).forEach(index::remove);
                    built.remove(name.substring(0, name.lastIndexOf('.')));
                }
            }
            assertThat(built.keySet()).noneMatch(name -> name.startsWith("mitforlob.things."));
        }

        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            var things = store.collection("things");
            assertThat(things.find(Filters.eq("_id", "thing-15")).first()).isNotNull();
            assertThat(things.find(Filters.gte("_id", "thing-")).into(new ArrayList<>())).hasSize(20);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "thing-15").append("key", "other")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "other").append("key", "key-15")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    @Test
    void an_update_past_16_mib_is_refused_as_mongodb_refuses_it_and_the_document_stays_readable() {
        String nineMib = "x".repeat(9 << 20);
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            var things = store.collection("things");
            things.insertOne(new Document("_id", "big").append("one", nineMib));
            assertThatThrownBy(() -> things.updateOne(Filters.eq("_id", "big"), Updates.set("two", nineMib)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCode()).isEqualTo(10334));
        }
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            Document big = store.collection("things").find(Filters.eq("_id", "big")).first();
            assertThat(big).isNotNull();
            assertThat(big.keySet()).containsExactly("_id", "one");
        }
    }

    @Test
    void ping_answers_while_the_store_runs() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.inMemory())) {
            assertThat(store.ping()).isTrue();
        }
    }
}
