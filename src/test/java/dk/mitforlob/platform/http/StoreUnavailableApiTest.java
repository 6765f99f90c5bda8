package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/** A store that goes away is the service's trouble, not the client's fault: 503 with Retry-After, never 500. */
class StoreUnavailableApiTest {

    @Test
    void a_request_while_the_store_is_gone_is_503_store_unavailable_with_retry_after() throws Exception {
        assumeFalse(TestStores.externalMongo(), "needs a store of its own that the test can stop");
        TestLogging.configure();
        TestIssuers issuers = TestIssuers.get();
        TestStores.OwnStore store = TestStores.ownStore();
        try (Application service = Application.start(TestService.settings(store.target(), issuers.trusted()),
                new TestClock())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + service.port() + "/"));
            String cpr = Fixtures.newCpr();
            api.put("/api/v1/integration/municipalities/851/citizens/SU-" + UUID.randomUUID())
                    .bearer(issuers.integration("851")).json(Fixtures.enrollment(cpr, "cw")).send().expect(201);

            store.target().owned().close();
            ApiResponse answer = api.get("/api/v1/me").bearer(issuers.citizen(cpr)).send()
                    .expectProblem(503, "store-unavailable");

            assertThat(answer.header("Retry-After")).contains("5");
        } finally {
            store.store().close();
        }
    }
}
