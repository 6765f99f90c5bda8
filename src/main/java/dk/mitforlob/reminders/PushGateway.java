package dk.mitforlob.reminders;

import java.util.List;

/** The way out to the phones: Firebase Cloud Messaging in production, the log in demo mode. */
public interface PushGateway extends AutoCloseable {

    /** FCM's {@code sendEach} takes at most this many messages. */
    int MAX_BATCH = 500;

    /** Sends up to {@link #MAX_BATCH} messages; one result per message, in order. */
    List<PushResult> send(List<PushMessage> messages);

    @Override
    void close();
}
