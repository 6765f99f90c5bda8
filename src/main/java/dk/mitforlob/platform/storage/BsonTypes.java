package dk.mitforlob.platform.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded store writes documents and index keys into its H2 file: as BSON, the encoding
 * every document already has on the wire. H2 would otherwise Java-serialise them, class
 * descriptors and all, once for every document on a page each time the page is committed; with a
 * commit per write command (decision 0004) that was most of the store's work.
 */
final class BsonTypes {

    /** A collection's documents. */
    static final BasicDataType<Document> DOCUMENTS = new Documents();

    /** A unique index's keys, in the order of their values as MongoDB orders them. */
    static final BasicDataType<KeyValue> INDEX_KEYS = new IndexKeys();

    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonTypes() {
    }

    private static void writeBson(WriteBuffer out, Map<String, ?> document) {
        ByteBuf buffer = BUFFER.get().clear();
        BsonEncoder.encodeDocument(document, buffer);
        out.put(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), buffer.readableBytes());
    }

    private static Document readBson(ByteBuffer in) {
        int start = in.position();
        int length = Integer.reverseBytes(in.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(start, length)));
        in.position(start + length);
        return document;
    }

    /** A rough count of the bytes a value holds on the heap, for H2's cache. */
    static int heapBytes(Object value) {
        if (value instanceof Map<?, ?> map) {
            int bytes = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 48 + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof java.util.Collection<?> values) {
            int bytes = 40;
            for (Object element : values) {
                bytes += 8 + heapBytes(element);
            }
            return bytes;
        }
        if (value instanceof String text) {
            return 48 + text.length();
        }
        return 24;
    }

    private static final class Documents extends BasicDataType<Document> {

        @Override
        public int getMemory(Document document) {
            return heapBytes(document);
        }

        @Override
        public void write(WriteBuffer out, Document document) {
            writeBson(out, document);
        }

        @Override
        public Document read(ByteBuffer in) {
            return readBson(in);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * Index keys: BSON of their values where they all have a BSON form; a key holding a missing
     * value (a sparse index's) is Java-serialised as H2 would, behind a marker byte.
     */
    private static final class IndexKeys extends BasicDataType<KeyValue> {

        private static final byte BSON = 0;
        private static final byte SERIALISED = 1;
        private static final ObjectDataType SERIALISATION = new ObjectDataType();

        @Override
        public int compare(KeyValue left, KeyValue right) {
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                int order = ValueComparator.asc().compare(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            int bytes = 40;
            for (Object value : key) {
                bytes += 8 + heapBytes(value);
            }
            return bytes;
        }

        @Override
        public void write(WriteBuffer out, KeyValue key) {
            Document values = new Document();
            for (int i = 0; i < key.size(); i++) {
                if (key.get(i) instanceof Missing) {
                    out.put(SERIALISED);
                    SERIALISATION.write(out, key);
                    return;
                }
                values.put(Integer.toString(i), key.get(i));
            }
            out.put(BSON);
            writeBson(out, values);
        }

        @Override
        public KeyValue read(ByteBuffer in) {
            if (in.get() == SERIALISED) {
                return (KeyValue) SERIALISATION.read(in);
            }
            List<Object> values = new ArrayList<>(readBson(in).values());
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
