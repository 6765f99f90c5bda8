package dk.mitforlob.reminders;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo mode's push: each message is written to the log instead of being sent, with what the lock
 * screen would show and the data the app would get. The token is never written.
 */
public final class LoggedPush implements PushGateway {

    private static final System.Logger LOG = System.getLogger(LoggedPush.class.getName());
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public List<PushResult> send(List<PushMessage> messages) {
        return messages.stream().<PushResult>map(message -> {
            String id = "logged-" + sequence.incrementAndGet();
            LOG.log(Level.INFO, "Push (demo mode: logged, not sent) to installation " + message.installationId()
                    + " (" + message.platform().code() + "): «" + message.text().title() + "» «" + message.text().body()
                    + "» data " + message.data());
            return new PushResult.Delivered(id);
        }).toList();
    }

    @Override
    public void close() {
    }
}
