package dk.mitforlob.testing;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.platform.storage.MongoStore;

/**
 * Which MongoDB the tests use: the one named by {@code MONGODB_URI} when it is set (each run in a
 * database of its own), otherwise the embedded wire-compatible store.
 */
public final class TestStores {

    private TestStores() {
    }

    /** A connection string and database name for one test service. */
    public record Target(String uri, String database, AutoCloseable owned) {
    }

    public static Target create() {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            return new Target(external, "mitforlob_test_" + Ids.newId(), null);
        }
        EmbeddedMongo embedded = EmbeddedMongo.inMemory();
        return new Target(embedded.connectionString(), "mitforlob", embedded);
    }

    /**
     * A store of a test's own: a fresh embedded one, or a fresh database on {@code MONGODB_URI};
     * closing it drops that database and stops the embedded store.
     */
    public static OwnStore ownStore() {
        Target target = create();
        return new OwnStore(target, MongoStore.connect(target.uri(), target.database()));
    }

    public record OwnStore(Target target, MongoStore store) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (externalMongo()) {
                store.database().drop();
            }
            store.close();
            if (target.owned() != null) {
                target.owned().close();
            }
        }
    }

    public static boolean externalMongo() {
        String external = System.getenv("MONGODB_URI");
        return external != null && !external.isBlank();
    }
}
