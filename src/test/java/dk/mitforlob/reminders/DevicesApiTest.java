package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The app registers its installation for pushes, and removes it; bad input is refused by name. */
class DevicesApiTest {

    private final TestService service = TestService.get();

    static Map<String, Object> device(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("platform", "android");
        body.put("appVersion", "2.3.1");
        body.put("language", "da");
        return body;
    }

    static String installation() {
        return "inst-" + Ids.newId();
    }

    private ApiResponse register(TestCitizen citizen, String installation, Object body) {
        return service.api().put("/api/v1/me/devices/" + installation).bearer(citizen.token()).json(body).send();
    }

    private ApiResponse registerInvalid(TestCitizen citizen, String installation, Object body) {
        return service.api().put("/api/v1/me/devices/" + installation).bearer(citizen.token()).json(body).invalid()
                .send();
    }

    private List<Document> storedDevices(String citizenId) {
        try (MongoStore store = service.openStore()) {
            return store.collection("devices").find(Filters.eq("citizenId", citizenId)).into(new java.util.ArrayList<>());
        }
    }

    @Test
    void a_device_is_registered_once_and_updated_at_every_start_without_its_token_being_sent_back() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String installation = installation();

        JsonNode first = register(citizen, installation, device(ReminderWorld.token())).expect(201).json();
        Map<String, Object> update = device(ReminderWorld.token());
        update.put("appVersion", "2.4.0");
        update.put("language", "en");
        JsonNode second = register(citizen, installation, update).expect(200).json();

        assertThat(first.has("token")).isFalse();
        assertThat(second.path("installationId").asText()).isEqualTo(installation);
        assertThat(second.path("appVersion").asText()).isEqualTo("2.4.0");
        assertThat(second.path("language").asText()).isEqualTo("en");
        assertThat(second.path("registeredAt").asText()).isEqualTo(first.path("registeredAt").asText());
        assertThat(storedDevices(citizen.citizenId())).singleElement()
                .satisfies(doc -> assertThat(doc.getString("token")).isEqualTo(update.get("token")));
    }

    @Test
    void a_token_registered_again_moves_to_the_newest_installation_also_of_another_citizen() {
        TestCitizen before = Fixtures.enrollCitizen(service, "851");
        TestCitizen after = Fixtures.enrollCitizen(service, "101");
        String token = ReminderWorld.token();
        register(before, installation(), device(token)).expect(201);

        register(after, installation(), device(token)).expect(201);

        assertThat(storedDevices(before.citizenId())).as("the phone changed hands").isEmpty();
        assertThat(storedDevices(after.citizenId())).hasSize(1);
    }

    @Test
    void removing_a_device_is_safe_to_repeat() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String installation = installation();
        register(citizen, installation, device(ReminderWorld.token())).expect(201);

        service.api().delete("/api/v1/me/devices/" + installation).bearer(citizen.token()).send().expect(204);
        service.api().delete("/api/v1/me/devices/" + installation).bearer(citizen.token()).send().expect(204);

        assertThat(storedDevices(citizen.citizenId())).isEmpty();
    }

    @Test
    void another_citizen_cannot_remove_my_device() {
        TestCitizen owner = Fixtures.enrollCitizen(service, "851");
        TestCitizen other = Fixtures.enrollCitizen(service, "851");
        String installation = installation();
        register(owner, installation, device(ReminderWorld.token())).expect(201);

        service.api().delete("/api/v1/me/devices/" + installation).bearer(other.token()).send().expect(204);

        assertThat(storedDevices(owner.citizenId())).hasSize(1);
    }

    @Test
    void a_bad_installation_id_is_a_400_naming_it() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = service.api().put("/api/v1/me/devices/short").bearer(citizen.token())
                .json(device(ReminderWorld.token())).send().expectProblem(400, "invalid-parameter");

        assertThat(response.problemFields()).containsExactly("installationId");
        service.api().delete("/api/v1/me/devices/has%20space%20in%20it").bearer(citizen.token()).send()
                .expectProblem(400, "invalid-parameter");
    }

    @Test
    void bad_values_are_a_422_naming_every_field() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> body = device("not a token!");
        body.put("appVersion", "");
        body.remove("language");

        ApiResponse response = registerInvalid(citizen, installation(), body).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactlyInAnyOrder("token", "appVersion", "language");
        Map<String, Object> platform = device(ReminderWorld.token());
        platform.put("platform", "windows-phone");
        assertThat(registerInvalid(citizen, installation(), platform).expectProblem(422, "validation-failed")
                .problemFields()).containsExactly("platform");
    }

    @Test
    void a_body_of_the_wrong_shape_is_a_400_and_the_wrong_media_type_a_415() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> unknown = device(ReminderWorld.token());
        unknown.put("pushEnabled", true);

        registerInvalid(citizen, installation(), unknown).expectProblem(400, "unknown-field");
        registerInvalid(citizen, installation(), "{\"token\": 42}").expectProblem(400, "invalid-field-type");
        registerInvalid(citizen, installation(), "{").expectProblem(400, "malformed-json");
        service.api().put("/api/v1/me/devices/" + installation()).bearer(citizen.token())
                .body("text/plain", "token".getBytes()).invalid().send().expectProblem(415, "unsupported-media-type");
    }

    @Test
    void only_an_enrolled_citizen_registers_devices() {
        String installation = installation();
        service.api().put("/api/v1/me/devices/" + installation).json(device(ReminderWorld.token())).send()
                .expectProblem(401, "authentication-required");
        service.api().put("/api/v1/me/devices/" + installation).bearer(service.issuers().caseworker("851"))
                .json(device(ReminderWorld.token())).send().expectProblem(403, "role-required");
        service.api().put("/api/v1/me/devices/" + installation).bearer(service.issuers().citizen(Fixtures.newCpr()))
                .json(device(ReminderWorld.token())).send().expectProblem(404, "citizen-not-enrolled");
    }
}
