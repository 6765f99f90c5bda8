package dk.mitforlob.testing;

import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

/**
 * What a piece of work asks of the store, seen by the MongoDB driver: how many commands it sends and
 * how many bytes of replies it gets back. A cost that grows with a citizen's history shows here
 * long before it shows in a timing.
 */
public final class StoreTraffic implements CommandListener {

    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong replyBytes = new AtomicLong();

    /** Commands and reply bytes of one piece of work. */
    public record Cost(long commands, long replyBytes) {
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        commands.incrementAndGet();
        BsonDocument reply = event.getResponse();
        replyBytes.addAndGet(reply instanceof RawBsonDocument raw ? raw.getByteBuffer().remaining()
                : new RawBsonDocument(reply, new BsonDocumentCodec()).getByteBuffer().remaining());
    }

    /** What {@code work} costs, counted on this listener's connection. */
    public Cost of(Runnable work) {
        long commandsBefore = commands.get();
        long bytesBefore = replyBytes.get();
        work.run();
        return new Cost(commands.get() - commandsBefore, replyBytes.get() - bytesBefore);
    }
}
