package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** Reads of a citizen's data by anyone but the citizen leave an audit entry per citizen shown. */
class AuditApiTest {

    private final TestService service = TestService.get();

    private long entries(String citizenId, String resource, String role) {
        try (MongoStore store = service.openStore()) {
            return store.collection("audit_log").countDocuments(new Document("citizenId", citizenId)
                    .append("resource", resource).append("action", "read").append("actor.role", role));
        }
    }

    @Test
    void caseload_inbox_and_feed_reads_are_audited_for_each_citizen_shown() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "707");
        service.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Et skridt")).send().expect(201);

        service.api().get("/api/v1/municipalities/707/citizens").bearer(service.issuers().caseworker("707")).send()
                .expect(200);
        service.api().get("/api/v1/municipalities/707/inbox").bearer(service.issuers().caseworker("707")).send()
                .expect(200);
        service.api().get("/api/v1/integration/municipalities/707/events").bearer(service.issuers().integration("707"))
                .send().expect(200);

        assertThat(entries(citizen.citizenId(), "caseload", "caseworker")).isEqualTo(1);
        assertThat(entries(citizen.citizenId(), "inbox", "caseworker")).isEqualTo(1);
        assertThat(entries(citizen.citizenId(), "events", "integration")).isEqualTo(1);
    }

    @Test
    void the_citizens_own_reads_are_not_audited() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "707");

        service.api().get("/api/v1/me/plan").bearer(citizen.token()).send().expect(200);
        service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200);

        try (MongoStore store = service.openStore()) {
            assertThat(store.collection("audit_log").countDocuments(new Document("citizenId", citizen.citizenId())
                    .append("actor.role", "citizen"))).isZero();
        }
    }
}
