package dk.mitforlob;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import dk.mitforlob.console.ConsoleService;
import dk.mitforlob.platform.background.PeriodicTasks;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.HeadRequests;
import dk.mitforlob.platform.http.ProblemResponses;
import dk.mitforlob.platform.http.RequestGuard;
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
    /** How long requests in flight may take to finish once the service is told to stop (SIGTERM). */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** How much of a body over the limit is read and discarded so that the client receives its 413. */
    static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;
    /** Request headers beyond this are answered 431. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** A request line (method, path, query) beyond this is answered 414. */
    static final int MAX_REQUEST_LINE_BYTES = 4 * 1024;

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
            // demo mode's development issuer starts while the store opens: the two are independent
            Settings configured = settings;
            CompletableFuture<DemoModeSeam> issuer = settings.demo()
                    ? CompletableFuture.supplyAsync(() -> demoModeOf(configured)) : null;
            MongoStore store = openStore(settings);
            resources.add(store);
            times.done("store");
            DemoModeSeam demo = null;
            if (issuer != null) {
                demo = joined(issuer);
                resources.add(demo);
                settings = demo.trustingDevIssuer(settings);
                times.done("development issuer (started beside the store)");
            }

            PeriodicTasks background = new PeriodicTasks();
            resources.add(background);
            Features features = new Features(settings, store, clock, background);
            resources.add(features.reminderDispatch);
            times.done("features (indexes, migration)");
            // demo data goes in while the server starts; the server is not ready until it is in, tokens written
            DemoModeSeam seeding = demo;
            Settings seeded = settings;
            CompletableFuture<Path> demoTokens = demo == null ? null
                    : CompletableFuture.supplyAsync(() -> seeding.seed(seeded, features.demoServices(), clock));
            WebServer server = server(settings, store, features, extraServices,
                    demoTokens == null ? List.of() : List.of(new DemoDataReady(demoTokens)));
            resources.add(server::stop);
            times.done("HTTP server");
            if (demoTokens != null) {
                Path tokens = joined(demoTokens);
                times.done("demo data (the rest of it, beside the server)");
                demo.announce(tokens, server.port());
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

    /** Demo mode from the demo jar; a production build has none and refuses to start in demo mode. */
    private static DemoModeSeam demoModeOf(Settings settings) {
        return DemoModeSeam.inThisBuild().orElseThrow(() -> new IllegalStateException(DEMO_MODE_MISSING)).start(settings);
    }

    static final String DEMO_MODE_MISSING = "demo mode is not part of this build (it is in `make run` and the demo "
            + "image). Set MITFORLOB_MODE=production with MONGODB_URI, MITFORLOB_ISSUERS and MITFORLOB_CPR_HMAC_KEY";

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
                // RequestGuard and Exchange hold bodies to the configured limit and answer 413 themselves,
                // reading the rest so the client receives it; only far beyond it is the connection cut
                .maxPayloadSize(settings.maxBodyBytes() + DRAIN_LIMIT_BYTES)
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(MAX_HEADER_BYTES)
                        .maxPrologueLength(MAX_REQUEST_LINE_BYTES)
                        .build())
                // Main stops the server itself, before the store it needs closes; in-flight requests get this long
                .shutdownHook(false)
                .shutdownGracePeriod(SHUTDOWN_GRACE)
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
                .routing(routing -> routing(routing, settings, features, extraServices))
                .build()
                .start();
        if (server.port() < 0) {
            server.stop();
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + "; is another process using it? Set SERVER_PORT to a free port");
        }
        return server;
    }

    static void routing(HttpRouting.Builder routing, Settings settings, Features features,
                        List<HttpService> extraServices) {
        RouteTable routes = new RouteTable();
        new ProblemResponses(routes).install(routing);
        routing.addFilter(new RequestLog());
        routing.addFilter(new RequestGuard(settings.maxBodyBytes()));
        routing.addFilter(new BearerAuthentication(features.tokenVerifier));
        routing.addFilter(features.rateLimiting);
        List<HttpService> services = new ArrayList<>(features.apiServices);
        services.addAll(extraServices);
        for (HttpService service : services) {
            routes.record(API, service);
            routing.register(API, HeadRequests.supporting(service));
        }
        features.console.ifPresent(console -> routing.register(ConsoleService.PATH, console));
    }

    public int port() {
        return server.port();
    }

    /** Stops taking requests, lets those in flight finish, stops background work, then closes the store. */
    @Override
    public synchronized void close() {
        if (!resources.isEmpty()) {
            closeAll(resources);
            LOG.log(Level.INFO, "Mit Forløb stopped");
        }
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
