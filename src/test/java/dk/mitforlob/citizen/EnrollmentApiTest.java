package dk.mitforlob.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestService;

class EnrollmentApiTest {

    private final TestService service = TestService.get();

    private ApiResponse enroll(String municipality, String ref, Map<String, Object> body) {
        return service.api().put("/api/v1/integration/municipalities/" + municipality + "/citizens/" + ref)
                .bearer(service.issuers().integration(municipality)).json(body).send();
    }

    private static String newRef() {
        return "REF-" + Ids.newId();
    }

    @Test
    void a_case_system_enrolls_a_citizen_and_gets_their_id() {
        var response = enroll("851", newRef(), Fixtures.enrollment(Fixtures.newCpr(), "cw-1")).expect(201);

        assertThat(response.json().path("citizenId").asText()).isNotBlank();
        assertThat(response.json().path("created").asBoolean()).isTrue();
        assertThat(response.header("Location")).isPresent();
    }

    @Test
    void the_same_enrollment_again_changes_nothing_and_returns_the_same_id() {
        String ref = newRef();
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw-1");
        String first = enroll("851", ref, body).expect(201).json().path("citizenId").asText();

        var again = enroll("851", ref, body).expect(200).json();

        assertThat(again.path("citizenId").asText()).isEqualTo(first);
        assertThat(again.path("changed").asBoolean()).isFalse();
    }

    @Test
    void new_details_update_the_citizen() {
        String ref = newRef();
        String cpr = Fixtures.newCpr();
        var body = Fixtures.enrollment(cpr, "cw-1");
        enroll("851", ref, body).expect(201);
        body.put("name", "New Name");
        body.put("language", "en");

        assertThat(enroll("851", ref, body).expect(200).json().path("changed").asBoolean()).isTrue();
        var profile = service.api().get("/api/v1/me").bearer(service.issuers().citizen(cpr)).send().expect(200).json();
        assertThat(profile.path("name").asText()).isEqualTo("New Name");
        assertThat(profile.path("preferredLanguage").asText()).isEqualTo("en");
    }

    @Test
    void the_cpr_number_is_stored_only_as_a_keyed_hmac() {
        String cpr = Fixtures.newCpr();
        String citizenId = enroll("851", newRef(), Fixtures.enrollment(cpr, "cw-1")).expect(201)
                .json().path("citizenId").asText();

        try (MongoStore store = service.openStore()) {
            Document stored = store.collection("citizens").find(new Document("_id", citizenId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.toJson()).doesNotContain(cpr).doesNotContain(cpr.replace("-", ""));
            assertThat(stored.getString("cprHmac")).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void an_enrollment_is_audit_logged_with_who_did_it() {
        var response = enroll("851", newRef(), Fixtures.enrollment(Fixtures.newCpr(), "cw-1")).expect(201);
        String citizenId = response.json().path("citizenId").asText();

        try (MongoStore store = service.openStore()) {
            Document entry = store.collection("audit_log").find(new Document("citizenId", citizenId)).first();
            assertThat(entry).isNotNull();
            assertThat(entry.getString("action")).isEqualTo("enroll");
            assertThat(entry.getString("requestId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
            Document actor = entry.get("actor", Document.class);
            assertThat(actor.getString("subject")).isEqualTo("case-system-851");
            assertThat(actor.getString("role")).isEqualTo("integration");
            assertThat(actor.getString("issuer")).isEqualTo("integrations");
            assertThat(entry.get("at")).isInstanceOf(java.util.Date.class);
        }
    }

    @Test
    void a_cpr_number_as_the_reference_is_refused() {
        String cprAsRef = Fixtures.newCpr().replace("-", "");

        var response = service.api().put("/api/v1/integration/municipalities/851/citizens/" + cprAsRef)
                .bearer(service.issuers().integration("851")).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("externalRef");
        assertThat(response.bodyText()).doesNotContain(cprAsRef);
    }

    @Test
    void invalid_details_are_422_naming_every_field() {
        var body = Fixtures.enrollment("12345", "cw");
        body.put("name", " ");
        body.put("contactPerson", Map.of("name", "X", "email", "not-an-email", "phone", "call me"));

        var response = service.api().put("/api/v1/integration/municipalities/851/citizens/" + newRef())
                .bearer(service.issuers().integration("851")).json(body).invalid().send()
                .expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactlyInAnyOrder("name", "contactPerson.phone",
                "contactPerson.email");
    }

    @Test
    void a_malformed_cpr_number_is_422() {
        var response = service.api().put("/api/v1/integration/municipalities/851/citizens/" + newRef())
                .bearer(service.issuers().integration("851")).json(Fixtures.enrollment("991390-1234", "cw"))
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("cpr");
    }

    @Test
    void a_missing_required_field_is_422() {
        var body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.remove("programme");

        var response = service.api().put("/api/v1/integration/municipalities/851/citizens/" + newRef())
                .bearer(service.issuers().integration("851")).json(body).invalid().send()
                .expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("programme");
    }

    @Test
    void a_reference_that_belongs_to_another_person_is_409() {
        String ref = newRef();
        enroll("851", ref, Fixtures.enrollment(Fixtures.newCpr(), "cw")).expect(201);

        enroll("851", ref, Fixtures.enrollment(Fixtures.newCpr(), "cw")).expectProblem(409, "external-ref-taken");
    }

    @Test
    void a_person_enrolled_by_another_municipality_is_409() {
        String cpr = Fixtures.newCpr();
        enroll("101", newRef(), Fixtures.enrollment(cpr, "cw")).expect(201);

        enroll("851", newRef(), Fixtures.enrollment(cpr, "cw")).expectProblem(409, "enrolled-elsewhere");
    }

    @Test
    void an_unknown_municipality_is_404() {
        service.api().put("/api/v1/integration/municipalities/999/citizens/" + newRef())
                .bearer(service.issuers().integration("999")).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(404, "unknown-municipality");
    }

    @Test
    void a_caseworker_cannot_enroll() {
        service.api().put("/api/v1/integration/municipalities/851/citizens/" + newRef())
                .bearer(service.issuers().caseworker("851")).json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))
                .send().expectProblem(403, "role-required");
    }
}
