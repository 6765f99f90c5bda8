package dk.mitforlob;

import java.lang.System.Logger.Level;

import sun.misc.Signal;

/**
 * SIGTERM is how a container platform asks the service to stop. Handled here rather than by the
 * JVM's default (which exits with 143 whatever happened): requests in flight finish, background
 * work stops, the store closes, and then the process exits with 0, so an orchestrator can tell a
 * clean stop from a crash. Other signals (Ctrl-C) still run the shutdown hook.
 */
final class GracefulStop {

    private static final System.Logger LOG = System.getLogger(GracefulStop.class.getName());

    private GracefulStop() {
    }

    static void onSigterm(Application application) {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                LOG.log(Level.INFO, "SIGTERM: stopping after the requests in flight (at most "
                        + Application.SHUTDOWN_GRACE.toSeconds() + " s)");
                // a thread that keeps the JVM alive: once the server's threads end, nothing else would,
                // and the JVM could exit half way through closing the background work and the store
                Thread stopping = new Thread(() -> {
                    application.close();
                    System.exit(0);
                }, "graceful-stop");
                stopping.setDaemon(false);
                stopping.start();
            });
        } catch (IllegalArgumentException e) {
            // the JVM keeps SIGTERM to itself (-Xrs); its shutdown hook still closes everything
            LOG.log(Level.WARNING, "Cannot handle SIGTERM; stopping through the shutdown hook instead", e);
        }
    }
}
