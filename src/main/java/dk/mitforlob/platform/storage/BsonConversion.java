package dk.mitforlob.platform.storage;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Converts a data file whose documents H2 Java-serialised (mongo-java-server's own format, and this
 * store's until BSON) to {@link BsonTypes#DOCUMENTS}, once, when the file is opened and before any
 * collection is.
 *
 * <p>H2 may commit at any write once enough is unsaved, so every prefix of the steps can be what a
 * killed process leaves behind; each collection's state in {@value #STATE} says where to go on:
 * absent, its map is Java-serialised (a half-made copy is started again); {@code copied}, the copy
 * under {@value #COPY_PREFIX} is whole and takes the map's place; {@code bson}, done. When every
 * collection is done, {@link #CONVERTED} marks the file, and collections made after are BSON from
 * the start.
 */
final class BsonConversion {

    private static final System.Logger LOG = System.getLogger(BsonConversion.class.getName());

    /** Names with a colon, which no database name has: dropping a database removes its maps by name prefix. */
    static final String STATE = "store:documents";
    static final String CONVERTED = "*";
    static final String COPIED = "copied";
    static final String BSON = "bson";
    static final String DATA_PREFIX = "databases.";
    static final String COPY_PREFIX = "bson-copy:";

    private BsonConversion() {
    }

    /** The store with its documents in BSON; nothing is done to a file already converted or new. */
    static MVStore convert(MVStore store) {
        MVMap<String, String> state = store.openMap(STATE);
        if (BSON.equals(state.get(CONVERTED))) {
            return store;
        }
        List<String> namespaces = new ArrayList<>();
        for (String name : store.getMapNames()) {
            String namespace = name.startsWith(DATA_PREFIX) ? name.substring(DATA_PREFIX.length())
                    : name.startsWith(COPY_PREFIX) ? name.substring(COPY_PREFIX.length()) : null;
            if (namespace != null && !namespaces.contains(namespace)) {
                namespaces.add(namespace);
            }
        }
        for (String namespace : namespaces) {
            convert(store, state, namespace);
        }
        state.put(CONVERTED, BSON);
        store.commit();
        return store;
    }

    private static void convert(MVStore store, MVMap<String, String> state, String namespace) {
        String data = DATA_PREFIX + namespace;
        String copy = COPY_PREFIX + namespace;
        if (BSON.equals(state.get(namespace))) {
            return;
        }
        if (!COPIED.equals(state.get(namespace))) {
            MVMap<Object, Object> serialised = store.openMap(data);
            MVMap<Object, Document> documents = store.openMap(copy,
                    new MVMap.Builder<Object, Document>().valueType(BsonTypes.DOCUMENTS));
            documents.clear();
            serialised.forEach((key, document) -> documents.put(key, (Document) document));
            // no commit needed between: whatever H2 commits of these steps, it commits all that came before
            state.put(namespace, COPIED);
            LOG.log(Level.INFO, "Embedded store: {0} documents of {1} converted to BSON", documents.size(), namespace);
        }
        if (store.hasMap(copy)) {
            if (store.hasMap(data)) {
                store.removeMap(data);
            }
            store.renameMap(store.openMap(copy, new MVMap.Builder<Object, Document>().valueType(BsonTypes.DOCUMENTS)),
                    data);
        }
        state.put(namespace, BSON);
        store.commit();
    }
}
