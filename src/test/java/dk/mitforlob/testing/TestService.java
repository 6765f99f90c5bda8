package dk.mitforlob.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.Application;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.ratelimit.RateLimits;
import dk.mitforlob.platform.security.TrustedIssuer;
import dk.mitforlob.platform.storage.MongoStore;

/**
 * The service under test, started once for the whole run on a free port: production mode, the
 * test issuers, and the embedded store (or {@code MONGODB_URI}). Tests keep out of each other's
 * way by enrolling citizens of their own.
 */
public final class TestService {

    public static final byte[] CPR_KEY = "a test key of at least 32 bytes, not a secret".getBytes();
    /**
     * The shared service's quotas are out of the way of the load tests (48 threads, thousands of
     * requests a minute from one citizen); RateLimitApiTest tests the limits on a service of its own.
     */
    public static final RateLimits GENEROUS = new RateLimits(10_000_000, 10_000_000, 10_000_000, 10_000_000);

    private static TestService instance;
    private static FakeFcm fcm;

    private final Application application;
    private final TestClock clock;
    private final TestStores.Target store;
    private final Api api;

    private TestService(Application application, TestClock clock, TestStores.Target store) {
        this.application = application;
        this.clock = clock;
        this.store = store;
        this.api = new Api(URI.create("http://127.0.0.1:" + application.port() + "/"));
    }

    public static synchronized TestService get() {
        if (instance == null) {
            TestLogging.configure();
            TestStores.Target store = TestStores.create();
            TestClock clock = new TestClock();
            Application application = Application.start(settings(store, TestIssuers.get().trusted()), clock);
            instance = new TestService(application, clock, store);
            IssuerWarmUp.await(instance.api.base(), TestIssuers.get());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            instance.fetchIssuerKeys();
        }
        return instance;
    }

    /**
     * Lets the service fetch each test issuer's keys before any test runs. The first token of an
     * issuer makes it fetch them, within 5 s; on a machine loaded by parallel builds that can take
     * longer, the service answers 503 (as designed) and waits 10 s before trying again, which
     * would fail whichever test happened to send that first token.
     */
    private void fetchIssuerKeys() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        TestIssuers issuers = TestIssuers.get();
        for (String token : List.of(issuers.citizen(Fixtures.newCpr()), issuers.caseworker("851"),
                issuers.integration("851"))) {
            for (int attempt = 0; attempt < 8; attempt++) {
                try {
                    java.net.http.HttpRequest me = java.net.http.HttpRequest.newBuilder(api.base().resolve("/api/v1/me"))
                            .header("Authorization", "Bearer " + token).build();
                    if (http.send(me, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() != 503) {
                        break;
                    }
                    Thread.sleep(5000);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Production-mode settings for a service on a free port with the given store and issuers. */
    public static Settings settings(TestStores.Target store, List<TrustedIssuer> issuers) {
        try {
            Path dataDir = Files.createTempDirectory("mitforlob-test");
            return new Settings(Settings.Mode.PRODUCTION, "127.0.0.1", 0, Optional.of(store.uri()), store.database(),
                    dataDir, true, issuers, CPR_KEY, Settings.DEFAULT_MAX_BODY_BYTES, 0, Settings.LogFormat.TEXT, 90,
                    GENEROUS, fcm().settings(java.time.Duration.ofSeconds(30)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fake FCM every service the tests start pushes to, through the real Firebase Admin SDK. */
    public static synchronized FakeFcm fcm() {
        if (fcm == null) {
            fcm = FakeFcm.start();
            Runtime.getRuntime().addShutdownHook(new Thread(fcm::close));
        }
        return fcm;
    }

    public Api api() {
        return api;
    }

    public TestClock clock() {
        return clock;
    }

    public TestIssuers issuers() {
        return TestIssuers.get();
    }

    /** A connection of the test's own to the service's database, to look at what was stored. */
    public MongoStore openStore() {
        return MongoStore.connect(store.uri(), store.database());
    }

    private void stop() {
        application.close();
        if (TestStores.externalMongo()) {
            try (MongoStore mongo = openStore()) {
                mongo.database().drop();
            }
        }
        if (store.owned() != null) {
            try {
                store.owned().close();
            } catch (Exception e) {
                // the JVM is going down anyway
            }
        }
    }
}
