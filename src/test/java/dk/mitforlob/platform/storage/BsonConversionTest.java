package dk.mitforlob.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import dk.mitforlob.testing.TestLogging;

/**
 * A data file whose documents H2 Java-serialised — mongo-java-server's own format, which this store
 * wrote until it kept BSON — is converted once on opening, also when an earlier conversion was cut
 * short at any step, and reads as it did.
 */
class BsonConversionTest {

    private static final String NAMESPACE = "mitforlob.things";

    @TempDir
    Path dataDir;

    @Test
    void java_serialised_documents_read_as_before_after_the_conversion_and_after_a_restart() {
        TestLogging.configure();
        List<Document> written = things(40);
        writeJavaSerialised(written);

        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            var things = store.collection("things");
            assertThat(things.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(written);
            // the unique index was rebuilt from the documents and still refuses a duplicate
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "new").append("key", "key-7")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            things.insertOne(new Document("_id", "thing-99").append("key", "key-99"));
        }
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            List<Document> expected = new ArrayList<>(written);
            expected.add(new Document("_id", "thing-99").append("key", "key-99"));
            assertThat(store.collection("things").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(expected);
        }
        try (MVStore file = MVStore.open(dataDir.resolve("mitforlob.mv.db").toString())) {
            assertThat(file.openMap(BsonConversion.STATE).get(BsonConversion.CONVERTED)).isEqualTo(BsonConversion.BSON);
            assertThat(file.getMapNames()).noneMatch(name -> name.startsWith(BsonConversion.COPY_PREFIX));
        }
    }

    @Test
    void a_conversion_cut_short_after_copying_part_of_a_collection_starts_that_collection_again() {
        List<Document> written = things(30);
        writeJavaSerialised(written);
        try (MVStore file = MVStore.open(dataDir.resolve("mitforlob.mv.db").toString())) {
            // as if killed while copying: a third of a copy, the collection not marked
            copyFirst(file, 10);
        }

        assertThat(readAll()).isEqualTo(written);
    }

    @Test
    void a_conversion_cut_short_after_its_copy_was_whole_puts_the_copy_in_place() {
        List<Document> written = things(30);
        writeJavaSerialised(written);
        try (MVStore file = MVStore.open(dataDir.resolve("mitforlob.mv.db").toString())) {
            // as if killed after the copy was marked whole and the Java-serialised map removed
            MVMap<Object, Object> serialised = copyFirst(file, Long.MAX_VALUE);
            file.openMap(BsonConversion.STATE).put(NAMESPACE, BsonConversion.COPIED);
            file.removeMap(serialised);
        }

        assertThat(readAll()).isEqualTo(written);
    }

    @Test
    void a_new_store_is_bson_from_the_start() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            store.collection("things").insertMany(things(3));
        }
        try (MVStore file = MVStore.open(dataDir.resolve("mitforlob.mv.db").toString())) {
            assertThat(file.openMap(BsonConversion.STATE).get(BsonConversion.CONVERTED)).isEqualTo(BsonConversion.BSON);
            // read as BSON, or this fails
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = file.openMap(
                    BsonConversion.DATA_PREFIX + NAMESPACE, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(BsonTypes.DOCUMENTS));
            assertThat(documents.get("thing-01").get("key")).isEqualTo("key-1");
        }
    }

    @Test
    void dropping_the_database_leaves_the_file_marked_as_converted() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            store.collection("things").insertMany(things(3));
            store.database().drop();
            store.collection("things").insertMany(things(2));
        }

        assertThat(readAll()).isEqualTo(things(2));
    }

    /** Copies the first {@code count} documents as the conversion does; returns the Java-serialised map. */
    private static MVMap<Object, Object> copyFirst(MVStore file, long count) {
        MVMap<Object, Object> serialised = file.openMap(BsonConversion.DATA_PREFIX + NAMESPACE);
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> copy = file.openMap(BsonConversion.COPY_PREFIX + NAMESPACE,
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonTypes.DOCUMENTS));
        serialised.entrySet().stream().limit(count)
                .forEach(e -> copy.put(e.getKey(), (de.bwaldvogel.mongo.bson.Document) e.getValue()));
        return serialised;
    }

    private List<Document> readAll() {
        try (MongoStore store = MongoStore.connect(EmbeddedMongo.onDisk(dataDir), "mitforlob")) {
            return store.collection("things").find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        }
    }

    /** Written by mongo-java-server's own H2 backend, which Java-serialises its documents. */
    private void writeJavaSerialised(List<Document> things) {
        H2Backend backend = new H2Backend(dataDir.resolve("mitforlob.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var collection = client.getDatabase("mitforlob").getCollection("things");
            collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            collection.insertMany(things);
        } finally {
            server.shutdownNow();
        }
    }

    /** Documents with every kind of value the code stores. */
    private static List<Document> things(int count) {
        List<Document> things = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            things.add(new Document("_id", String.format("thing-%02d", i))
                    .append("key", "key-" + i)
                    .append("int", i)
                    .append("long", 5_000_000_000L + i)
                    .append("double", i / 4.0)
                    .append("decimal", Decimal128.parse("12." + i))
                    .append("flag", i % 2 == 0)
                    .append("nothing", null)
                    .append("at", new Date(1_780_000_000_000L + i))
                    .append("objectId", new ObjectId(1_780_000_000, i))
                    .append("bytes", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("text", "Ærø å ø — " + i)
                    .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L)))
                            .append("empty", new Document()).append("none", List.of())));
        }
        return things;
    }
}
