package dk.mitforlob.platform.storage;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded store's file backend, made durable per write. H2's MVStore commits in the
 * background once a second, so a killed process could lose writes already acknowledged to a
 * phone; committing after every write command closes that window (the data reaches the OS before
 * the reply is sent, which survives {@code kill -9}; it is not an fsync against power loss).
 * See docs/decisions/0004.
 */
final class DurableH2Backend extends IdLookupH2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "dropdatabase", "renamecollection");

    DurableH2Backend(String fileName) {
        super(MVStore.open(fileName));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return result;
    }
}
