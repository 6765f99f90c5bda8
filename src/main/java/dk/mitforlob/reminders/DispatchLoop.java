package dk.mitforlob.reminders;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a dispatcher on a thread of its own for as long as the service runs: round after round
 * while there is work, a round a second when there is none.
 *
 * <p>On shutdown it claims nothing more, lets the round in flight finish the chunk it is sending
 * (its pushes sent and recorded, up to {@link #SHUTDOWN_GRACE}, which fits the platform's grace
 * period beside the requests in flight) and then releases every lease it still holds, so another
 * instance takes over the rest of the batch at once. A chunk that does not finish in time keeps its
 * leases: they expire, and another instance sends what was not recorded.
 */
public final class DispatchLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DispatchLoop.class.getName());
    static final Duration IDLE = Duration.ofSeconds(1);
    static final Duration AFTER_FAILURE = Duration.ofSeconds(5);
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final ReminderDispatcher dispatcher;
    private final Thread thread;
    private volatile boolean running = true;

    private DispatchLoop(ReminderDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.thread = new Thread(this::run, "mitforlob-reminders");
        thread.setDaemon(true);
    }

    public static DispatchLoop start(ReminderDispatcher dispatcher) {
        DispatchLoop loop = new DispatchLoop(dispatcher);
        loop.thread.start();
        return loop;
    }

    private void run() {
        while (running) {
            Duration pause;
            try {
                pause = dispatcher.dispatchDue() < ReminderDispatcher.BATCH ? IDLE : Duration.ZERO;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A round of reminder dispatch failed; its claims expire and are taken again", e);
                pause = AFTER_FAILURE;
            }
            if (running && !pause.isZero()) {
                LockSupport.parkNanos(pause.toNanos());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        dispatcher.stop();
        LockSupport.unpark(thread);
        try {
            thread.join(SHUTDOWN_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "Reminder dispatch did not finish its round within " + SHUTDOWN_GRACE
                    + "; its leases expire and another instance takes over");
            return;
        }
        int released = dispatcher.releaseLeases();
        LOG.log(Level.INFO, "Reminder dispatch stopped" + (released > 0 ? "; released " + released + " lease(s)" : ""));
    }
}
