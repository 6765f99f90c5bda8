package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen's export: everything stored about them, in the documented schema, and audit-logged as their own act. */
class ExportApiTest {

    static final Path SCHEMA = Path.of("mobile-contract", "export", "export.schema.json");

    private final TestService service = TestService.get();

    /** Validation messages of {@code export} against the committed schema; empty when it conforms. */
    static Set<ValidationMessage> violations(JsonNode export) {
        try {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                    new ObjectMapper().readTree(SCHEMA.toFile()),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A citizen who has used every feature: own step, comment, objection, hours corrected and withdrawn, wishes, a device. */
    static TestCitizen busyCitizen(TestService service) {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String prefix = citizen.citizenId();
        var api = service.api();
        api.post("/api/v1/me/plan/goals/" + prefix + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Ring til Netto")).send().expect(201);
        api.post("/api/v1/me/plan/activities/" + prefix + "-act-placement/comments").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Flere timer")).send().expect(201);
        api.post("/api/v1/me/plan/meetings/" + prefix + "-meet-1/objections").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString())
                .json(Map.of("reason", "Jeg skal til lægen", "suggestion", "Eftermiddag")).send().expect(201);
        LocalDate today = LocalDate.ofInstant(service.clock().instant(), ZoneId.of("Europe/Copenhagen"));
        String kept = registerHours(service, citizen, today.minusDays(1), 7.5);
        Map<String, Object> correction = new HashMap<>(hours(today.minusDays(2), 6));
        correction.put("reason", "Forkert dag");
        api.put("/api/v1/me/hours/" + kept).bearer(citizen.token()).json(correction).send().expect(200);
        String withdrawn = registerHours(service, citizen, today.minusDays(3), 2);
        api.delete("/api/v1/me/hours/" + withdrawn).bearer(citizen.token()).json(Map.of("reason", "Fejl")).send()
                .expect(200);
        api.put("/api/v1/me/wishes").bearer(citizen.token()).ifMatch("*")
                .json(Map.of("whatMatters", "At komme i arbejde", "hoursPerWeek", 10))
                .send().expect(200);
        api.put("/api/v1/me/devices/annas-phone-" + UUID.randomUUID().toString().substring(0, 8))
                .bearer(citizen.token()).json(Map.of("token", "token-" + UUID.randomUUID(), "platform", "android",
                        "appVersion", "1.0.0", "language", "da")).send();
        return citizen;
    }

    private static Map<String, Object> hours(LocalDate date, double hours) {
        return Map.of("date", date.toString(), "employer", Map.of("name", "Netto"), "hours", hours);
    }

    private static String registerHours(TestService service, TestCitizen citizen, LocalDate date, double hours) {
        return service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString())
                .json(hours(date, hours)).send().expect(201).json().path("id").asText();
    }

    @Test
    void the_export_holds_plan_hours_and_wishes_and_validates_against_its_schema() throws IOException {
        TestCitizen citizen = busyCitizen(service);

        var response = service.api().get("/api/v1/me/export").bearer(citizen.token()).send().expect(200);
        JsonNode export = response.json();
        Files.writeString(Path.of("target", "export-sample.json"), export.toPrettyString());

        assertThat(violations(export)).isEmpty();
        assertThat(export.path("citizenId").asText()).isEqualTo(citizen.citizenId());
        assertThat(export.path("plan").path("versions")).hasSize(1);
        assertThat(export.path("plan").path("ownSteps").get(0).path("text").asText()).isEqualTo("Ring til Netto");
        assertThat(export.path("plan").path("objections")).hasSize(1);
        assertThat(export.path("hours").path("registrations")).hasSize(2);
        assertThat(export.path("hours").path("registrations").findValues("revisions").stream().mapToInt(JsonNode::size)
                .sum()).isEqualTo(4);
        assertThat(export.path("wishes").path("versions").get(0).path("wishes").path("whatMatters").asText())
                .isEqualTo("At komme i arbejde");
        assertThat(export.path("reminders").path("devices")).hasSize(1);
        assertThat(response.header("Content-Disposition")).contains("attachment; filename=\"mit-forlob-export.json\"");
    }

    @Test
    void the_export_is_audit_logged_as_the_citizens_own_act_and_not_shown_in_the_access_log() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "101");

        service.api().get("/api/v1/me/export").bearer(citizen.token()).send().expect(200);

        try (MongoStore store = service.openStore()) {
            assertThat(store.collection("audit_log").countDocuments(new Document("citizenId", citizen.citizenId())
                    .append("resource", "export").append("actor.role", "citizen"))).isEqualTo(1);
        }
        assertThat(service.api().get("/api/v1/me/access-log").bearer(citizen.token()).send().expect(200).json()
                .path("items").findValuesAsText("resource")).doesNotContain("export");
    }

    @Test
    void a_citizen_with_nothing_but_an_enrollment_gets_empty_sections_that_validate() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "101");

        JsonNode export = service.api().get("/api/v1/me/export").bearer(citizen.token()).send().expect(200).json();

        assertThat(violations(export)).isEmpty();
        assertThat(export.path("plan").path("versions")).isEmpty();
        assertThat(export.path("hours").path("registrations")).isEmpty();
        assertThat(export.path("surveys").path("participation")).isEmpty();
    }
}
