package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** What the citizen states reaches their caseworker and case system, and only theirs. */
class CaseworkerWishesApiTest {

    private final TestService service = TestService.get();

    private static String wishesPath(TestCitizen citizen) {
        return "/api/v1/municipalities/" + citizen.municipality() + "/citizens/" + citizen.citizenId() + "/wishes";
    }

    private void state(TestCitizen citizen, String etag, Map<String, Object> body) {
        service.api().put("/api/v1/me/wishes").bearer(citizen.token()).ifMatch(etag).json(body).send().expect(200);
    }

    /** The citizen states the document, then moves to 15 hours, drops more paid hours and adds cleaning work. */
    private void stateTwoVersions(TestCitizen citizen) {
        state(citizen, "\"0\"", MyWishesApiTest.document());
        Map<String, Object> changed = MyWishesApiTest.document();
        changed.put("wishes", List.of(Map.of("type", "mentor")));
        changed.put("hoursPerWeek", 15);
        changed.put("interests", Map.of("occupations", List.of("52", "91"), "text", "Butik og lager"));
        state(citizen, "\"1\"", changed);
    }

    private TestCitizen enrolledSpeakingEnglish(String municipality) {
        String cpr = Fixtures.newCpr();
        Map<String, Object> enrollment = Fixtures.enrollment(cpr, "caseworker-" + municipality);
        enrollment.put("language", "en");
        String ref = "REF-EN-" + cpr.replace("-", "");
        String id = service.api().put("/api/v1/integration/municipalities/" + municipality + "/citizens/" + ref)
                .bearer(service.issuers().integration(municipality)).json(enrollment).send().expect(201)
                .json().path("citizenId").asText();
        return new TestCitizen(id, municipality, ref, cpr, service.issuers().citizen(cpr));
    }

    @Test
    void a_caseworker_reads_the_current_wishes_and_every_version_newest_first() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        stateTwoVersions(citizen);

        ApiResponse response = service.api().get(wishesPath(citizen)).bearer(service.issuers().caseworker("851"))
                .send().expect(200);

        JsonNode wishes = response.json();
        assertThat(response.etag()).isEqualTo("\"2\"");
        assertThat(wishes.path("citizenId").asText()).isEqualTo(citizen.citizenId());
        assertThat(wishes.path("version").asLong()).isEqualTo(2);
        assertThat(wishes.path("current").path("hoursPerWeek").asInt()).isEqualTo(15);
        assertThat(wishes.path("history").findValuesAsText("version")).containsExactly("2", "1");
        assertThat(wishes.path("history").get(0).path("summary").asText()).isEqualTo(
                "Fjernet ønske: Flere lønnede timer. Timer om ugen: 10 → 15. Ny interesse: Rengørings- og hjælpearbejde.");
    }

    @Test
    void the_caseworker_reads_summaries_in_danish_while_the_citizen_reads_their_own_language() {
        TestCitizen citizen = enrolledSpeakingEnglish("851");
        stateTwoVersions(citizen);

        String forCaseworker = service.api().get(wishesPath(citizen)).bearer(service.issuers().caseworker("851"))
                .send().expect(200).json().path("history").get(0).path("summary").asText();
        String forCitizen = service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send().expect(200)
                .json().path("items").get(0).path("summary").asText();

        assertThat(forCaseworker).startsWith("Fjernet ønske: Flere lønnede timer.");
        assertThat(forCitizen).isEqualTo(
                "Removed wish: More paid hours. Hours a week: 10 → 15. New interest: Cleaners and helpers.");
    }

    @Test
    void before_the_citizen_states_anything_the_caseworker_reads_version_0_without_history() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        JsonNode wishes = service.api().get(wishesPath(citizen)).bearer(service.issuers().caseworker("851")).send()
                .expect(200).json();

        assertThat(wishes.path("version").asLong()).isZero();
        assertThat(wishes.path("history")).isEmpty();
        assertThat(wishes.path("current").path("wishes")).isEmpty();
    }

    @Test
    void every_read_by_a_caseworker_is_audit_logged() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        stateTwoVersions(citizen);

        ApiResponse response = service.api().get(wishesPath(citizen))
                .bearer(service.issuers().caseworker("851", "karen")).send().expect(200);
        service.api().get(wishesPath(citizen)).bearer(service.issuers().caseworker("851", "karen")).send().expect(200);

        try (MongoStore store = service.openStore()) {
            List<Document> entries = store.collection("audit_log").find(new Document("citizenId", citizen.citizenId())
                    .append("resource", "wishes").append("action", "read")).into(new ArrayList<>());
            assertThat(entries).hasSize(2);
            assertThat(entries.getFirst().get("actor", Document.class).getString("subject")).isEqualTo("karen");
            assertThat(entries.getFirst().get("actor", Document.class).getString("role")).isEqualTo("caseworker");
            assertThat(entries).extracting(e -> e.getString("requestId"))
                    .contains(response.header("X-Request-Id").orElseThrow());
        }
    }

    @Test
    void the_citizens_own_reads_are_not_audit_logged() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        stateTwoVersions(citizen);

        service.api().get("/api/v1/me/wishes").bearer(citizen.token()).send().expect(200);
        service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send().expect(200);

        try (MongoStore store = service.openStore()) {
            assertThat(store.collection("audit_log").countDocuments(new Document("citizenId", citizen.citizenId())
                    .append("resource", "wishes"))).isZero();
        }
    }

    @Test
    void each_change_puts_a_readable_account_in_the_caseworkers_inbox() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        stateTwoVersions(citizen);

        JsonNode inbox = service.api().get("/api/v1/municipalities/851/inbox?type=wishes-changed&citizenId="
                + citizen.citizenId()).bearer(service.issuers().caseworker("851")).send().expect(200).json();

        assertThat(inbox.path("items")).extracting(i -> i.path("id").asText()).containsExactly(
                "wishes-" + citizen.citizenId() + "-v2", "wishes-" + citizen.citizenId() + "-v1");
        JsonNode latest = inbox.path("items").get(0);
        assertThat(latest.path("summary").asText()).isEqualTo(
                "Fjernet ønske: Flere lønnede timer. Timer om ugen: 10 → 15. Ny interesse: Rengørings- og hjælpearbejde.");
        JsonNode details = latest.path("details");
        assertThat(details.path("version").asInt()).isEqualTo(2);
        assertThat(details.path("removedWishes").get(0).asText()).isEqualTo("more-paid-hours");
        assertThat(details.path("addedOccupations").get(0).asText()).isEqualTo("91");
        assertThat(details.path("hoursPerWeek").path("before").asInt()).isEqualTo(10);
        assertThat(details.path("hoursPerWeek").path("after").asInt()).isEqualTo(15);
        assertThat(details.path("wishes").path("wishes").findValuesAsText("type")).containsExactly("mentor");
        assertThat(inbox.path("items").get(1).path("summary").asText())
                .startsWith("Nye ønsker: Flere lønnede timer (»Op på 12 timer«), Mentor.");
    }

    @Test
    void writing_the_same_wishes_again_puts_nothing_in_the_inbox() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        state(citizen, "\"0\"", MyWishesApiTest.document());
        state(citizen, "\"1\"", MyWishesApiTest.document());

        JsonNode inbox = service.api().get("/api/v1/municipalities/851/inbox?type=wishes-changed&citizenId="
                + citizen.citizenId()).bearer(service.issuers().caseworker("851")).send().expect(200).json();

        assertThat(inbox.path("items")).hasSize(1);
    }

    @Test
    void each_change_is_an_event_in_the_case_systems_feed() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "846");
        stateTwoVersions(citizen);

        List<JsonNode> events = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = service.api().get("/api/v1/integration/municipalities/846/events?limit=500"
                            + (after == null ? "" : "&after=" + after))
                    .bearer(service.issuers().integration("846")).send().expect(200).json();
            page.path("events").forEach(events::add);
            if (page.path("events").isEmpty()) {
                break;
            }
            after = page.path("cursor").asText();
        }

        assertThat(events).filteredOn(e -> e.path("citizenId").asText().equals(citizen.citizenId()))
                .extracting(e -> e.path("type").asText() + " " + e.path("id").asText())
                .containsExactly("wishes-changed wishes-" + citizen.citizenId() + "-v1",
                        "wishes-changed wishes-" + citizen.citizenId() + "-v2");
        assertThat(events).filteredOn(e -> e.path("citizenId").asText().equals(citizen.citizenId()))
                .allSatisfy(e -> assertThat(e.path("externalRef").asText()).isEqualTo(citizen.externalRef()));
    }

    @Test
    void the_other_municipalitys_caseworker_gets_403() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().get(wishesPath(citizen)).bearer(service.issuers().caseworker("101")).send()
                .expectProblem(403, "other-municipality");
    }

    @Test
    void a_citizen_of_another_municipality_is_not_found_through_ones_own() {
        TestCitizen elsewhere = Fixtures.enrollCitizen(service, "101");
        state(elsewhere, "\"0\"", MyWishesApiTest.document());

        service.api().get("/api/v1/municipalities/851/citizens/" + elsewhere.citizenId() + "/wishes")
                .bearer(service.issuers().caseworker("851")).send().expectProblem(404, "citizen-not-found");
    }

    @Test
    void a_citizen_token_cannot_use_the_caseworker_route_even_for_their_own_wishes() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().get(wishesPath(citizen)).bearer(citizen.token()).send().expectProblem(403, "role-required");
    }
}
