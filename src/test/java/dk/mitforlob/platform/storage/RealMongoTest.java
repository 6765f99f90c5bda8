package dk.mitforlob.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.mitforlob.Application;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * The service against a real MongoDB 8 replica set. Runs where Docker runs; skipped elsewhere
 * (the machines this project is built on have no Docker, see docs/decisions/0003). The whole suite also
 * runs against a real MongoDB when MONGODB_URI is set.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoTest {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

    @Test
    void a_case_system_enrolls_a_citizen_who_then_sees_their_profile() {
        TestLogging.configure();
        var settings = TestService.settings(new TestStores.Target(MONGO.getReplicaSetUrl("mitforlob"), "mitforlob", null),
                TestIssuers.get().trusted());
        try (Application app = Application.start(settings, Clock.systemUTC())) {
            Api api = new Api(URI.create("http://127.0.0.1:" + app.port() + "/"));
            String cpr = Fixtures.newCpr();
            String id = api.put("/api/v1/integration/municipalities/851/citizens/REF-real-1")
                    .bearer(TestIssuers.get().integration("851")).json(Fixtures.enrollment(cpr, "cw")).send()
                    .expect(201).json().path("citizenId").asText();

            var profile = api.get("/api/v1/me").bearer(TestIssuers.get().citizen(cpr)).send().expect(200).json();

            assertThat(profile.path("citizenId").asText()).isEqualTo(id);
            api.get("/observe/health/ready").offContract().send().expect(200);
        }
    }
}
