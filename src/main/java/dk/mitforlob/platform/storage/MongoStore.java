package dk.mitforlob.platform.storage;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.UuidRepresentation;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;

/**
 * The system of record. Writes are acknowledged by a majority and journaled before a citizen is
 * told they are saved; reads go to the primary so a phone sees its own writes at once.
 */
public final class MongoStore implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;
    private final AutoCloseable embedded;

    private MongoStore(MongoClient client, String databaseName, AutoCloseable embedded) {
        this.client = client;
        this.database = client.getDatabase(databaseName);
        this.embedded = embedded;
    }

    public static MongoStore connect(String uri, String databaseName) {
        return connect(uri, databaseName, null);
    }

    /** A connection whose every command is also told to {@code listener}: to measure what requests fetch. */
    public static MongoStore connectObserved(String uri, String databaseName, CommandListener listener) {
        return new MongoStore(MongoClients.create(MongoClientSettings.builder(settings(uri))
                .addCommandListener(listener).build()), databaseName, null);
    }

    /** Connects to an embedded store and closes it along with the connection. */
    public static MongoStore connect(EmbeddedMongo embedded) {
        return connect(embedded.connectionString(), "mitforlob", embedded);
    }

    public static MongoStore connect(EmbeddedMongo embedded, String databaseName) {
        return connect(embedded.connectionString(), databaseName, embedded);
    }

    private static MongoStore connect(String uri, String databaseName, AutoCloseable embedded) {
        return new MongoStore(MongoClients.create(settings(uri)), databaseName, embedded);
    }

    private static MongoClientSettings settings(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .retryWrites(true)
                .applicationName("mitforlob")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .build();
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    public MongoDatabase database() {
        return database;
    }

    /** True when the store answers a ping within two seconds (a health check must not hang). */
    public boolean ping() {
        try {
            database.withTimeout(2, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the embedded store failed", e);
            }
        }
    }
}
