package dk.mitforlob;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import io.helidon.health.checks.HealthChecks;
import io.helidon.integrations.openapi.ui.OpenApiUi;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import dk.mitforlob.demo.DemoMode;
import dk.mitforlob.platform.background.PeriodicTasks;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.ProblemResponses;
import dk.mitforlob.platform.http.RequestLog;
import dk.mitforlob.platform.http.RouteTable;
import dk.mitforlob.platform.security.BearerAuthentication;
import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.StoreHealthCheck;

/**
 * The service wired by hand: store, security, features, HTTP. {@link Main} starts it for real;
 * tests start it on a free port with their own issuers and store.
 */
public final class Application implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Application.class.getName());
    static final String API = "/api/v1";

    private final WebServer server;
    private final List<AutoCloseable> resources;

    private Application(WebServer server, List<AutoCloseable> resources) {
        this.server = server;
        this.resources = resources;
    }

    public static Application start(Settings settings, Clock clock) {
        return start(settings, clock, List.of());
    }

    /** Starts the service with {@code extraServices} routed beside the API (a benchmark's ceiling route). */
    public static Application start(Settings settings, Clock clock, List<HttpService> extraServices) {
        List<AutoCloseable> resources = new ArrayList<>();
        StartupTimes times = new StartupTimes();
        try {
            // the development issuer's classes load while the store opens: the two are independent
            Settings configured = settings;
            CompletableFuture<DemoMode> issuer = settings.demo()
                    ? CompletableFuture.supplyAsync(() -> DemoMode.start(configured)) : null;
            MongoStore store = openStore(settings);
            resources.add(store);
            times.done("store");
            DemoMode demo = null;
            if (issuer != null) {
                demo = joined(issuer);
                resources.add(demo);
                settings = demo.trustingDevIssuer(settings);
                times.done("development issuer (started beside the store)");
            }

            PeriodicTasks background = new PeriodicTasks();
            resources.add(background);
            Features features = new Features(settings, store, clock, background);
            times.done("features (indexes, migration)");
            // demo data goes in while the server starts; the server is not ready until it is in, tokens written
            DemoMode seeding = demo;
            Settings seeded = settings;
            CompletableFuture<Path> demoTokens = demo == null ? null : CompletableFuture.supplyAsync(() -> seeding.seed(
                    seeded, features.citizens, features.plans, features.wishes, features.paidHours, clock));
            WebServer server = server(settings, store, features, extraServices,
                    demoTokens == null ? List.of() : List.of(new DemoDataReady(demoTokens)));
            resources.add(server::stop);
            times.done("HTTP server");
            if (demoTokens != null) {
                Path tokens = joined(demoTokens);
                times.done("demo data (the rest of it, beside the server)");
                DemoMode.announce(tokens, server.port());
            }
            LOG.log(Level.INFO, "Mit Forløb is listening on port " + server.port()
                    + (settings.demo() ? " in demo mode" : ""));
            LOG.log(Level.INFO, times.summary());
            return new Application(server, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Not ready until the demo data is in and its tokens are written. */
    private record DemoDataReady(CompletableFuture<Path> seeding) implements HealthCheck {
        @Override
        public String name() {
            return "demo-data";
        }

        @Override
        public HealthCheckType type() {
            return HealthCheckType.READINESS;
        }

        @Override
        public HealthCheckResponse call() {
            boolean done = seeding.isDone() && !seeding.isCompletedExceptionally();
            return HealthCheckResponse.builder().status(done).detail("demo-data", done ? "seeded" : "seeding").build();
        }
    }

    /** Where start-up time goes, for the log: the JVM before main, then each step. */
    private static final class StartupTimes {
        private final long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        private final long started = System.nanoTime();
        private long last = started;
        private final StringBuilder steps = new StringBuilder();

        void done(String step) {
            long now = System.nanoTime();
            steps.append(", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        String summary() {
            return "Started in " + (jvmMillis + (last - started) / 1_000_000) + " ms: JVM and class loading "
                    + jvmMillis + " ms" + steps;
        }
    }

    private static MongoStore openStore(Settings settings) {
        if (settings.mongoUri().isPresent()) {
            return MongoStore.connect(settings.mongoUri().get(), settings.mongoDatabase());
        }
        EmbeddedMongo embedded = settings.embeddedInMemory()
                ? EmbeddedMongo.inMemory()
                : EmbeddedMongo.onDisk(settings.dataDir());
        return MongoStore.connect(embedded, settings.mongoDatabase());
    }

    private static WebServer server(Settings settings, MongoStore store, Features features,
                                    List<HttpService> extraServices, List<HealthCheck> extraChecks) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .useSystemServices(false)
                .details(true)
                .addCheck(HealthChecks.deadlockCheck())
                .addCheck(HealthChecks.heapMemoryCheck())
                .addCheck(new StoreHealthCheck(store));
        extraChecks.forEach(health::addCheck);
        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .maxPayloadSize(settings.maxBodyBytes())
                .directHandlers(ProblemResponses.directHandlers())
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .observersDiscoverServices(false)
                        .addObserver(health.build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .addFeature(OpenApiFeature.builder()
                        .servicesDiscoverServices(false)
                        .staticFile("api-spec/openapi.yaml")
                        .addService(OpenApiUi.create())
                        .build())
                .routing(routing -> routing(routing, features, extraServices))
                .build()
                .start();
        if (server.port() < 0) {
            server.stop();
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + "; is another process using it? Set SERVER_PORT to a free port");
        }
        return server;
    }

    static void routing(HttpRouting.Builder routing, Features features, List<HttpService> extraServices) {
        RouteTable routes = new RouteTable();
        new ProblemResponses(routes).install(routing);
        routing.addFilter(new RequestLog());
        routing.addFilter(new BearerAuthentication(features.tokenVerifier));
        List<HttpService> services = new ArrayList<>(features.apiServices);
        services.addAll(extraServices);
        for (HttpService service : services) {
            routes.record(API, service);
            routing.register(API, service);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Shutting down " + resources.get(i) + " failed", e);
            }
        }
        resources.clear();
    }
}
