package dk.mitforlob;

import java.time.Clock;
import java.util.List;

import io.helidon.webserver.http.HttpService;

import dk.mitforlob.platform.config.Logging;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.StaticCeiling;

/** Starts Mit Forløb from environment variables; with none set, in demo mode. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
            if (settings.demo() && DemoModeSeam.inThisBuild().isEmpty()) {
                throw new IllegalArgumentException(Application.DEMO_MODE_MISSING);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Mit Forløb cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(settings.logFormat());
        Application application;
        try {
            // a benchmark compares routes with a static answer served the same way (never set in production)
            List<HttpService> extra = "true".equals(System.getenv("MITFORLOB_BENCH_CEILING"))
                    ? List.of(new StaticCeiling()) : List.of();
            application = Application.start(settings, Clock.systemUTC(), extra);
        } catch (RuntimeException e) {
            System.getLogger(Main.class.getName()).log(System.Logger.Level.ERROR, "Mit Forløb failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
        GracefulStop.onSigterm(application);
    }
}
