package dk.mitforlob.platform.background;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work the service does on its own at intervals (delivering left-over outboxes, purging expired
 * keys). Every task is safe to run on any number of instances at once, so none needs a lease.
 */
public final class PeriodicTasks implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PeriodicTasks.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mitforlob-periodic");
        thread.setDaemon(true);
        return thread;
    });

    public void every(Duration interval, String name, Runnable task) {
        every(interval, interval, name, task);
    }

    /** Runs {@code task} first after {@code firstAfter}, then every {@code interval}. */
    public void every(Duration firstAfter, Duration interval, String name, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Periodic task '" + name + "' failed; it runs again in " + interval, e);
            }
        }, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long a task that is running when the service stops may take to finish before it is interrupted. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    /**
     * Starts no new runs and lets a running one finish (its writes are single-document and
     * resumable, but finishing beats being cut off); interrupts it only after {@link #STOP_GRACE}.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "A periodic task was still running after " + STOP_GRACE + "; interrupting it");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
