package dk.mitforlob.platform.storage;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's H2 backend, answering a query that names an {@code _id} from the id index
 * even when it has other conditions too. mongo-java-server uses an index only for a query on
 * exactly the index's fields, so {@code {_id: x, version: 3}} — every compare-and-set write —
 * looked through the whole collection: a write cost grew with everybody's data. MongoDB itself
 * looks such a document up by its id; so does this backend now, then checks the other conditions.
 */
class IdLookupH2Backend extends H2Backend {

    /** The map names mongo-java-server 1.47 gives a collection's documents and its metadata. */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    IdLookupH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            // the super constructor opens the existing collections, before this class's fields are set
            super(databaseName, opening(store), cursorRegistry);
            this.store = store;
            OPENING.remove();
        }

        private static MVStore opening(MVStore store) {
            OPENING.set(store);
            return store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mvStore = store != null ? store : OPENING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = mvStore.openMap(DATABASES_PREFIX + fullName);
            MVMap<String, Object> metaMap = mvStore.openMap(META_PREFIX + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() > 1 && byIdIndex(id)) {
                for (Index<Object> index : getIndexes()) {
                    if (index.getKeys().size() == 1 && index.getKeys().getFirst().getKey().equals("_id")) {
                        return matchDocuments(query, index.getPositions(new Document("_id", id)), orderBy,
                                numberToSkip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** A value the id index can look up: the id itself, or {@code $in} a list of ids. */
        private static boolean byIdIndex(Object id) {
            if (id == null) {
                return false;
            }
            if (id instanceof Document condition) {
                return condition.size() == 1 && condition.containsKey("$in");
            }
            return !(id instanceof BsonRegularExpression);
        }
    }
}
