package dk.mitforlob.platform.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

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
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's H2 backend, with the costs that grew with everybody's data taken out.
 *
 * <p>A query that names an {@code _id} is answered from the id index even when it has other
 * conditions too, or asks for a range of ids. mongo-java-server uses an index only for a query on
 * exactly the index's fields with exact values, so {@code {_id: x, version: 3}} — every
 * compare-and-set write — and {@code {_id: {$gte: "c|", $lt: "c}"}}} — one citizen's months —
 * looked through the whole collection. MongoDB itself looks such documents up in its id index; so
 * does this backend now, then checks the other conditions. The driver sends
 * {@code Filters.and(...)} as a top-level {@code $and}, which is read as the one query it is.
 * Queries no index can answer are counted ({@link #collectionScans()}), for tests that make sure
 * a route's queries are not among them.
 *
 * <p>Documents and unique indexes' keys are kept as BSON ({@link BsonTypes}), not Java-serialised
 * as H2 would; a file written before is converted once on opening ({@link BsonConversion}).
 * Unique indexes (the id index among them) keep their keys in order of their values: H2 orders keys
 * it does not know by comparing their Java serialisations, so every step down an index's tree
 * serialised two keys. An index of a data file written before is dropped on opening and rebuilt
 * from the documents, once.
 */
class IdLookupH2Backend extends H2Backend {

    /** The map names mongo-java-server 1.47 gives a collection's documents and its metadata. */
    private static final String DATABASES_PREFIX = BsonConversion.DATA_PREFIX;
    private static final String META_PREFIX = "meta.";
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();
    /** Suffixes of the index maps this backend wrote before: ordered by serialised bytes, then Java-serialised. */
    private static final List<String> FORMER_INDEXES = List.of("", ".ordered");
    private static final String INDEX_KEYS = ".bson";
    /** The unique indexes built whole, by map name; a colon, so that dropping a database never removes it. */
    private static final String INDEXES_BUILT = "store:indexes";

    private final LongAdder scans = new LongAdder();

    IdLookupH2Backend(MVStore mvStore) {
        super(BsonConversion.convert(mvStore));
    }

    /** How many queries so far no index could answer, so that they read every document of a collection. */
    long collectionScans() {
        return scans.sum();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), scans, getCursorRegistry());
    }

    /** What a database being opened needs before its own fields are set. */
    private record Opening(MVStore store, LongAdder scans) {
    }

    private static final class Database extends H2Database {

        private final MVStore store;
        private final LongAdder scans;

        Database(String databaseName, MVStore store, LongAdder scans, CursorRegistry cursorRegistry) {
            // the super constructor opens the existing collections, before this class's fields are set
            super(databaseName, opening(store, scans), cursorRegistry);
            this.store = store;
            this.scans = scans;
            OPENING.remove();
        }

        private static MVStore opening(MVStore store, LongAdder scans) {
            OPENING.set(new Opening(store, scans));
            return store;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore mvStore = store();
            String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            for (String former : FORMER_INDEXES) {
                if (mvStore.hasMap(name + former)) {
                    // the collection rebuilds the index from its documents when it is empty
                    mvStore.removeMap(name + former);
                }
            }
            MVMap<String, String> built = mvStore.openMap(INDEXES_BUILT);
            if (mvStore.hasMap(name + INDEX_KEYS) && built.get(name) == null) {
                // a rebuild cut short (H2 commits while it writes): the collection rebuilds an index only when
                // it is empty, so a part of one would stay a part for good
                mvStore.removeMap(name + INDEX_KEYS);
            }
            MVMap<KeyValue, Object> map = mvStore.openMap(name + INDEX_KEYS,
                    new MVMap.Builder<KeyValue, Object>().keyType(BsonTypes.INDEX_KEYS));
            return new OrderedUniqueIndex(map, indexName, keys, sparse, () -> built.putIfAbsent(name, "built"));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = getFullCollectionNamespace(collection.getCollectionName()) + "._index_" + indexName;
            if (store().hasMap(name + INDEX_KEYS)) {
                store().removeMap(name + INDEX_KEYS);
            }
            store().openMap(INDEXES_BUILT).remove(name);
        }

        private MVStore store() {
            return store != null ? store : OPENING.get().store();
        }

        private LongAdder scans() {
            return scans != null ? scans : OPENING.get().scans();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mvStore = store();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = mvStore.openMap(DATABASES_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(BsonTypes.DOCUMENTS));
            MVMap<String, Object> metaMap = mvStore.openMap(META_PREFIX + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, scans());
        }
    }

    /** A unique index in an H2 map of BSON keys in value order; as mongo-java-server's own H2 index otherwise. */
    private static final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;
        private final Runnable markBuilt;

        OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse,
                           Runnable markBuilt) {
            super(name, keys, sparse);
            this.map = map;
            this.markBuilt = markBuilt;
        }

        /** Called once the collection has built the index from its documents (or found it built). */
        void built() {
            markBuilt.run();
        }

        private boolean byId() {
            return getKeys().size() == 1 && getKeys().getFirst().getKey().equals("_id");
        }

        @Override
        public synchronized void checkUpdate(Document oldDocument, Document newDocument,
                                             MongoCollection<Object> collection) {
            // the last check before an update changes the stored document: the id index, which every
            // collection has, refuses a document too large to be read back
            if (byId()) {
                BsonTypes.checkSize(newDocument);
            }
            super.checkUpdate(oldDocument, newDocument, collection);
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

        /** The positions of the keys from the range's lower to its upper bound, the bounds included. */
        Iterable<Object> positionsIn(IdRange range) {
            KeyValue upper = range.upper() == null ? null : new KeyValue(range.upper());
            List<Object> positions = new ArrayList<>();
            Cursor<KeyValue, Object> cursor = map.cursor(range.lower() == null ? null : new KeyValue(range.lower()),
                    upper, false);
            while (cursor.hasNext()) {
                cursor.next();
                if (!(cursor.getValue() instanceof Missing)) {
                    positions.add(cursor.getValue());
                }
            }
            return positions;
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

    /**
     * A condition on {@code _id} of {@code $gt}/{@code $gte} and/or {@code $lt}/{@code $lte} with
     * plain values: the id index's keys between the bounds hold every document it can match (the
     * bounds are taken inclusively, and the query still checks each document).
     */
    record IdRange(Object lower, Object upper) {

        static IdRange of(Object condition) {
            if (!(condition instanceof Document bounds) || bounds.isEmpty()) {
                return null;
            }
            Object lower = null;
            Object upper = null;
            for (Map.Entry<String, Object> bound : bounds.entrySet()) {
                Object value = bound.getValue();
                if (value == null || value instanceof Document || value instanceof java.util.Collection<?>
                        || value instanceof BsonRegularExpression) {
                    return null;
                }
                switch (bound.getKey()) {
                    case "$gt", "$gte" -> {
                        if (lower != null) {
                            return null;
                        }
                        lower = value;
                    }
                    case "$lt", "$lte" -> {
                        if (upper != null) {
                            return null;
                        }
                        upper = value;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new IdRange(lower, upper);
        }
    }

    private static final class Collection extends H2Collection {

        private final LongAdder scans;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                   LongAdder scans) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.scans = scans;
        }

        @Override
        public void addIndex(Index<Object> index) {
            super.addIndex(index);
            if (index instanceof OrderedUniqueIndex ordered) {
                ordered.built();
            }
        }

        @Override
        public void addDocument(Document document) {
            BsonTypes.checkSize(document);
            super.addDocument(document);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Document flat = flattened(query);
            Object id = flat.get("_id");
            Index<Object> idIndex = idIndex();
            if (idIndex != null && id != null) {
                if (flat.size() > 1 && byIdIndex(id)) {
                    return matchDocuments(flat, idIndex.getPositions(new Document("_id", id)), orderBy, numberToSkip,
                            limit, batchSize, fieldSelector);
                }
                if (idIndex instanceof OrderedUniqueIndex ordered && IdRange.of(id) instanceof IdRange range) {
                    return matchDocuments(flat, ordered.positionsIn(range), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
            return super.queryDocuments(flat, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            // no index could answer: every document of the collection is read and matched
            if (scans != null) {
                // null only while the collection is being opened
                scans.increment();
            }
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private Index<Object> idIndex() {
            for (Index<Object> index : getIndexes()) {
                if (index.getKeys().size() == 1 && index.getKeys().getFirst().getKey().equals("_id")) {
                    return index;
                }
            }
            return null;
        }

        /**
         * The query with a top-level {@code $and} of conditions on different fields merged into it:
         * the same query, as MongoDB reads it, in the shape mongo-java-server's indexes recognise.
         * The driver writes {@code Filters.and(eq("_id", x), eq("version", 3))} as such an
         * {@code $and}, which would otherwise look through the whole collection.
         */
        static Document flattened(Document query) {
            if (!(query.get("$and") instanceof List<?> parts)) {
                return query;
            }
            Document flat = new Document();
            for (Map.Entry<String, Object> entry : query.entrySet()) {
                if (!entry.getKey().equals("$and")) {
                    flat.put(entry.getKey(), entry.getValue());
                }
            }
            for (Object part : parts) {
                if (!(part instanceof Document condition)) {
                    return query;
                }
                for (Map.Entry<String, Object> entry : condition.entrySet()) {
                    Object merged = flat.containsKey(entry.getKey())
                            ? operators(flat.get(entry.getKey()), entry.getValue()) : entry.getValue();
                    // one field, or one $or, per condition: the query's other operators stay where they are
                    if (merged == null || entry.getKey().startsWith("$") && !entry.getKey().equals("$or")) {
                        return query;
                    }
                    flat.put(entry.getKey(), merged);
                }
            }
            return flat;
        }

        /** Two sets of operators on one field as one, e.g. {@code $gte} and {@code $lt}; null if they overlap. */
        private static Document operators(Object one, Object other) {
            if (!(one instanceof Document first) || !(other instanceof Document second)) {
                return null;
            }
            Document both = new Document();
            for (Document part : List.of(first, second)) {
                for (Map.Entry<String, Object> operator : part.entrySet()) {
                    if (!operator.getKey().startsWith("$") || both.containsKey(operator.getKey())) {
                        return null;
                    }
                    both.put(operator.getKey(), operator.getValue());
                }
            }
            return both;
        }

        /** A value the id index can look up: the id itself, or {@code $in} a list of ids. */
        private static boolean byIdIndex(Object id) {
            if (id instanceof Document condition) {
                return condition.size() == 1 && condition.containsKey("$in");
            }
            return !(id instanceof BsonRegularExpression);
        }
    }
}
