package dk.mitforlob.testing;

import java.util.logging.Level;
import java.util.logging.Logger;

import dk.mitforlob.platform.config.Logging;
import dk.mitforlob.platform.config.Settings;

/** The service's own log configuration in tests, so what production logs is what the tests see. */
public final class TestLogging {

    private static boolean configured;

    private TestLogging() {
    }

    public static synchronized void configure() {
        if (!configured) {
            Logging.configure(Settings.LogFormat.TEXT);
            configured = true;
        }
    }

    /** Keeps a logger's level while a test lowers or raises it (JUL holds loggers weakly). */
    public static Logger logger(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
