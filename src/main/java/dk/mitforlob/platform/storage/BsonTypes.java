package dk.mitforlob.platform.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.BsonConstants;
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
    private static final int LARGEST_KEPT_BUFFER = 1 << 20;

    private BsonTypes() {
    }

    private static void writeBson(WriteBuffer out, Map<String, ?> document) {
        ByteBuf buffer = encoded(document);
        out.put(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), buffer.readableBytes());
    }

    /** The document's BSON in this thread's buffer, valid until the thread's next encoding. */
    private static ByteBuf encoded(Map<String, ?> document) {
        ByteBuf buffer = BUFFER.get();
        if (buffer.capacity() > LARGEST_KEPT_BUFFER) {
            // a large document passed: do not keep its buffer for the thread's life
            buffer = Unpooled.buffer(4096);
            BUFFER.set(buffer);
        }
        BsonEncoder.encodeDocument(document, buffer.clear());
        return buffer;
    }

    /**
     * Refuses a document larger than MongoDB's 16 MiB as MongoDB does (BSONObjectTooLarge): BSON
     * this large is not read back, and mongo-java-server checks the size only of what arrives.
     */
    static void checkSize(Document document) {
        if (sizeAtMost(document) <= BsonConstants.MAX_BSON_OBJECT_SIZE) {
            // the usual case, without encoding the document once more
            return;
        }
        int size = encoded(document).readableBytes();
        if (size > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            throw new MongoServerError(10334, "BSONObjectTooLarge", "object to insert too large: size " + size
                    + ", max size " + BsonConstants.MAX_BSON_OBJECT_SIZE);
        }
    }

    private static Document readBson(ByteBuffer in) {
        int start = in.position();
        int length = Integer.reverseBytes(in.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(start, length)));
        in.position(start + length);
        return document;
    }

    /** At least as many bytes as the value's BSON takes, its type byte and name aside; over the limit if unusual. */
    private static long sizeAtMost(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 5;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 2 + 3L * entry.getKey().toString().length() + sizeAtMost(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof java.util.Collection<?> values) {
            long bytes = 5;
            for (Object element : values) {
                // type, the index as a name (at most 10 digits and a zero byte), the value
                bytes += 12 + sizeAtMost(element);
            }
            return bytes;
        }
        if (value instanceof String text) {
            return 5 + 3L * text.length();
        }
        if (value instanceof BinData binary) {
            return 5 + binary.getData().length;
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof java.time.Instant
                || value instanceof ObjectId || value instanceof java.util.UUID) {
            return 21;
        }
        // as if at the limit on its own, so that the document is encoded and measured (no sum of these overflows)
        return BsonConstants.MAX_BSON_OBJECT_SIZE + 1L;
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
        if (value instanceof BinData binary) {
            return 40 + binary.getData().length;
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

    /** Index keys: the BSON of a document holding their values in order ("0", "1", ...). */
    private static final class IndexKeys extends BasicDataType<KeyValue> {

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
                // stored keys are normalised, missing values to null; BSON has no missing value
                values.put(Integer.toString(i), Missing.isNullOrMissing(key.get(i)) ? null : key.get(i));
            }
            writeBson(out, values);
        }

        @Override
        public KeyValue read(ByteBuffer in) {
            List<Object> values = new ArrayList<>(readBson(in).values());
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
