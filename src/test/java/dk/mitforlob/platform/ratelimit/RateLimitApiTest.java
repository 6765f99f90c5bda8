package dk.mitforlob.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * The quotas themselves, on two instances of the service sharing one store, with low limits and a
 * clock the test sets: 5 reads and 3 writes a minute for people, 6 and 4 for case systems.
 */
class RateLimitApiTest {

    private static final TestIssuers ISSUERS = TestIssuers.get();
    private static final TestClock CLOCK = new TestClock();
    private static final RateLimits LOW = new RateLimits(3, 5, 4, 6);
    private static TestStores.OwnStore store;
    private static Application first;
    private static Application second;
    private static Api one;
    private static Api other;

    @BeforeAll
    static void twoInstancesOnOneStore() {
        TestLogging.configure();
        store = TestStores.ownStore();
        Settings settings = TestService.settings(store.target(), ISSUERS.trusted()).withRateLimits(LOW);
        first = Application.start(settings, CLOCK);
        second = Application.start(settings, CLOCK);
        one = new Api(URI.create("http://127.0.0.1:" + first.port() + "/"));
        other = new Api(URI.create("http://127.0.0.1:" + second.port() + "/"));
    }

    @AfterAll
    static void stop() throws Exception {
        first.close();
        second.close();
        store.close();
    }

    /** A citizen enrolled by a case system of a municipality of its own, so quotas never mix. */
    private static String citizen(String municipality) {
        String cpr = Fixtures.newCpr();
        one.put("/api/v1/integration/municipalities/" + municipality + "/citizens/RL-" + UUID.randomUUID())
                .bearer(ISSUERS.integration(municipality)).json(Fixtures.enrollment(cpr, "cw")).send().expect(201);
        return ISSUERS.citizen(cpr);
    }

    private static void atTheStartOfAMinute() {
        CLOCK.set(Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(1));
    }

    @Test
    void reads_beyond_the_quota_are_429_with_retry_after_and_every_answer_says_where_the_caller_stands() {
        String token = citizen("101");
        atTheStartOfAMinute();

        for (int i = 1; i <= 5; i++) {
            ApiResponse ok = one.get("/api/v1/me").bearer(token).send().expect(200);
            assertThat(ok.header("RateLimit-Policy")).contains("\"reads\";q=5;w=60");
            assertThat(ok.header("RateLimit")).contains("\"reads\";r=" + (5 - i) + ";t=59");
        }
        ApiResponse limited = one.get("/api/v1/me").bearer(token).send().expectProblem(429, "rate-limited");

        assertThat(limited.header("Retry-After")).contains("59");
        assertThat(limited.header("RateLimit")).contains("\"reads\";r=0;t=59");
    }

    @Test
    void writes_have_a_quota_of_their_own() {
        String token = citizen("147");
        atTheStartOfAMinute();
        for (int i = 0; i < 6; i++) {
            one.get("/api/v1/me").bearer(token).send();
        }

        for (int i = 0; i < 3; i++) {
            one.put("/api/v1/me/wishes").bearer(token).ifMatch("*").json(Map.of("whatMatters", "Nr " + i)).send()
                    .expect(200);
        }
        ApiResponse limited = one.put("/api/v1/me/wishes").bearer(token).ifMatch("*")
                .json(Map.of("whatMatters", "Igen")).send().expectProblem(429, "rate-limited");

        assertThat(limited.header("RateLimit-Policy")).contains("\"writes\";q=3;w=60");
    }

    @Test
    void the_quota_holds_across_instances_sharing_the_store() {
        String token = citizen("151");
        atTheStartOfAMinute();

        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            int status = (i % 2 == 0 ? one : other).get("/api/v1/me").bearer(token).send().status();
            answered += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }

        assertThat(answered).isEqualTo(5);
        assertThat(limited).isEqualTo(5);
    }

    @Test
    void one_callers_quota_is_not_anothers() {
        String greedy = citizen("153");
        String patient = citizen("155");
        atTheStartOfAMinute();
        for (int i = 0; i < 6; i++) {
            one.get("/api/v1/me").bearer(greedy).send();
        }

        one.get("/api/v1/me").bearer(patient).send().expect(200);
    }

    @Test
    void case_systems_have_quotas_of_their_own() {
        atTheStartOfAMinute();
        String caseSystem = ISSUERS.integration("157");

        for (int i = 0; i < 4; i++) {
            one.put("/api/v1/integration/municipalities/157/citizens/RL-" + UUID.randomUUID()).bearer(caseSystem)
                    .json(Fixtures.enrollment(Fixtures.newCpr(), "cw")).send().expect(201);
        }
        ApiResponse limited = other.put("/api/v1/integration/municipalities/157/citizens/RL-" + UUID.randomUUID())
                .bearer(caseSystem).json(Fixtures.enrollment(Fixtures.newCpr(), "cw")).send()
                .expectProblem(429, "rate-limited");

        assertThat(limited.header("RateLimit-Policy")).contains("\"case-system-writes\";q=4;w=60");
    }

    @Test
    void the_next_window_starts_afresh() {
        String token = citizen("159");
        atTheStartOfAMinute();
        for (int i = 0; i < 5; i++) {
            one.get("/api/v1/me").bearer(token).send().expect(200);
        }
        one.get("/api/v1/me").bearer(token).send().expect(429);

        CLOCK.set(CLOCK.instant().plusSeconds(59));

        ApiResponse next = one.get("/api/v1/me").bearer(token).send().expect(200);
        assertThat(next.header("RateLimit")).contains("\"reads\";r=4;t=60");
    }
}
