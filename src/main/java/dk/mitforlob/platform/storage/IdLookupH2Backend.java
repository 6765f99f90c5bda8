package dk.mitforlob.platform.storage;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's H2 backend, with two costs that grew with everybody's data taken out.
 *
 * <p>A query that names an {@code _id} is answered from the id index even when it has other
 * conditions too. mongo-java-server uses an index only for a query on exactly the index's fields,
 * so {@code {_id: x, version: 3}} — every compare-and-set write — looked through the whole
 * collection. MongoDB itself looks such a document up by its id; so does this backend now, then
 * checks the other conditions.
 *
 * <p>Unique indexes (the id index among them) keep their keys in order of their values. H2 orders
 * keys it does not know by comparing their Java serialisations, so every step down an index's
 * tree serialised two keys: an id lookup cost tens of serialisations. An index of a data file
 * written before is dropped on opening and rebuilt from the documents, once.
 */
class IdLookupH2Backend extends H2Backend {

    /** The map names mongo-java-server 1.47 gives a collection's documents and its metadata. */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    private static final String ORDERED = ".ordered";

    /** Index keys in the order of their values, as MongoDB orders them; anything else as H2 would. */
    private static final ObjectDataType BY_VALUE = new ObjectDataType() {
        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                    int order = ValueComparator.asc().compare(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return super.compare(a, b);
        }
    };

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
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore mvStore = store();
            String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (mvStore.hasMap(name)) {
                // ordered by serialised bytes: the collection rebuilds the index from its documents when it is empty
                mvStore.removeMap(name);
            }
            MVMap<KeyValue, Object> map = mvStore.openMap(name + ORDERED,
                    new MVMap.Builder<KeyValue, Object>().keyType(BY_VALUE));
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = getFullCollectionNamespace(collection.getCollectionName()) + "._index_" + indexName + ORDERED;
            if (store().hasMap(name)) {
                store().removeMap(name);
            }
        }

        private MVStore store() {
            return store != null ? store : OPENING.get();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mvStore = store();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = mvStore.openMap(DATABASES_PREFIX + fullName);
            MVMap<String, Object> metaMap = mvStore.openMap(META_PREFIX + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    /** A unique index in an H2 map ordered {@link #BY_VALUE}; as mongo-java-server's own H2 index otherwise. */
    private static final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
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
