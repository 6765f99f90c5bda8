package dk.mitforlob.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

/**
 * The in-process, MongoDB-wire-compatible store used when no {@code MONGODB_URI} is given. The real
 * driver talks to it over a loopback socket, exactly as it would to MongoDB. It has no transactions
 * and no change streams; the code is written for single-document atomicity (docs/decisions/0003).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedMongo.class.getName());

    private final IdLookupH2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(IdLookupH2Backend backend, String description) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
        LOG.log(Level.INFO, "Embedded store ({0}) listening on 127.0.0.1:{1,number,#}", description, address.getPort());
    }

    /** A store kept in {@code dataDir/mitforlob.mv.db}, surviving restarts and {@code kill -9}. */
    public static EmbeddedMongo onDisk(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("mitforlob.mv.db").toAbsolutePath();
        return new EmbeddedMongo(new DurableH2Backend(file.toString()), "file " + file);
    }

    /** A store that lives only as long as the process: for tests. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new IdLookupH2Backend(MVStore.open(null)), "in memory");
    }

    public String connectionString() {
        return connectionString;
    }

    /** How many queries so far read a whole collection because no index could answer them: for tests. */
    long collectionScans() {
        return backend.collectionScans();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
