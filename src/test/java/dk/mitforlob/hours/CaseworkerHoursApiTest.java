package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

class CaseworkerHoursApiTest {

    private final TestService service = TestService.get();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    private String register(TestCitizen citizen, double hours) {
        return service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString())
                .json(MyHoursApiTest.hours(today, hours)).send().expect(201).json().path("id").asText();
    }

    private String path(TestCitizen citizen) {
        return "/api/v1/municipalities/" + citizen.municipality() + "/citizens/" + citizen.citizenId() + "/hours";
    }

    @Test
    void the_caseworker_sees_every_registration_with_what_each_correction_changed_and_the_totals() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String id = register(citizen, 5);
        register(citizen, 2);
        Map<String, Object> correction = MyHoursApiTest.hours(today, 4.5);
        correction.put("reason", "Gik hjem tidligt");
        service.api().put("/api/v1/me/hours/" + id).bearer(citizen.token()).json(correction).send().expect(200);

        JsonNode hours = service.api().get(path(citizen)).bearer(service.issuers().caseworker("851")).send().expect(200)
                .json();

        assertThat(hours.path("items")).hasSize(2);
        JsonNode corrected = hours.path("items").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
        JsonNode change = corrected.path("revisions").get(1).path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("hours");
        assertThat(change.path("from").decimalValue()).isEqualByComparingTo("5");
        assertThat(change.path("to").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(hours.path("summary").path("totalHours").decimalValue()).isEqualByComparingTo("6.5");
    }

    @Test
    void the_read_is_audit_logged() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        register(citizen, 1);

        service.api().get(path(citizen)).bearer(service.issuers().caseworker("851", "hanne")).send().expect(200);

        try (MongoStore store = service.openStore()) {
            assertThat(store.collection("audit_log").countDocuments(new Document("citizenId", citizen.citizenId())
                    .append("resource", "hours").append("actor.subject", "hanne"))).isEqualTo(1);
        }
    }

    @Test
    void the_other_municipalitys_caseworker_gets_403() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().get(path(citizen)).bearer(service.issuers().caseworker("101")).send()
                .expectProblem(403, "other-municipality");
    }

    @Test
    void a_citizen_cannot_use_the_caseworker_route() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().get(path(citizen)).bearer(citizen.token()).send().expectProblem(403, "role-required");
    }
}
