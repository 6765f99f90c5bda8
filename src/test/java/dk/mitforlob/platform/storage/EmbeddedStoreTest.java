package dk.mitforlob.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

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
    void ping_answers_while_the_store_runs() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.inMemory())) {
            assertThat(store.ping()).isTrue();
        }
    }
}
