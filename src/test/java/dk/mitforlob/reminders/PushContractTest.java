package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.json.Json;
import dk.mitforlob.testing.PushSchemas;
import dk.mitforlob.survey.SurveyInvitations;

/** mobile-contract/push documents every kind: a schema, an example that passes it, and the README's table. */
class PushContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_kind_has_a_schema_and_an_example_that_passes_it() throws Exception {
        assertThat(PushSchemas.get().kinds()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ReminderKind.values()).map(ReminderKind::code).toList());
        for (ReminderKind kind : ReminderKind.values()) {
            JsonNode example = JSON.readTree(PushSchemas.directory().resolve("examples").resolve(kind.code() + ".json")
                    .toFile());
            assertThat(PushSchemas.get().checkPayload(example)).as(kind.code()).isEmpty();
        }
    }

    @Test
    void a_schema_refuses_what_the_app_must_not_get() throws Exception {
        JsonNode example = JSON.readTree(PushSchemas.directory().resolve("examples/plan-updated.json").toFile());
        var extra = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra.path("data")).put("citizenId", "abc");
        var wrongLink = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrongLink.path("data")).put("deepLink", "https://evil.example");

        assertThat(PushSchemas.get().checkPayload(extra)).isNotEmpty();
        assertThat(PushSchemas.get().checkPayload(wrongLink)).isNotEmpty();
    }

    @Test
    void the_payload_the_service_builds_passes_the_schema_of_every_kind() {
        java.time.Instant now = java.time.Instant.parse("2026-11-24T11:00:00Z");
        var meeting = ReminderWorld.meeting("meet-1", now.plusSeconds(86_400 * 3));
        var reminders = new java.util.ArrayList<Reminder>(MeetingReminders.of("c1", meeting, now));
        reminders.add(MeetingReminders.cancelled("c1", ReminderWorld.cancelled(meeting), now).orElseThrow());
        reminders.add(HoursNudges.nudge("c1", now));
        reminders.addAll(SurveyReminders.of("c1", new SurveyInvitations.OpenRound("round-2026-autumn",
                java.util.Map.of("da", "Brugerundersøgelse", "en", "User survey"), now, now.plusSeconds(86_400 * 14),
                java.util.List.of("c1"))));
        Device da = new Device("inst-00000001", "c1", "token-000000000000", DevicePlatform.IOS, "1.0",
                dk.mitforlob.citizen.Language.DA, now, now);
        Device en = new Device("inst-00000002", "c1", "token-000000000001", DevicePlatform.ANDROID, "1.0",
                dk.mitforlob.citizen.Language.EN, now, now);

        assertThat(reminders).extracting(Reminder::kind).containsAll(java.util.EnumSet.complementOf(
                java.util.EnumSet.of(ReminderKind.PLAN_UPDATED)));
        for (Reminder reminder : reminders) {
            for (Device device : java.util.List.of(da, en)) {
                PushMessage push = PushMessage.of(reminder, device);
                JsonNode payload = JSON.createObjectNode()
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("notification", Json.mapper().valueToTree(
                                java.util.Map.of("title", push.text().title(), "body", push.text().body())))
                        .set("data", Json.mapper().valueToTree(push.data()));
                assertThat(PushSchemas.get().checkPayload(payload)).as(reminder.kind() + " " + device.language())
                        .isEmpty();
            }
        }
    }

    @Test
    void the_app_teams_readme_lists_every_kind_with_its_schema() throws Exception {
        String readme = Files.readString(Path.of("mobile-contract", "README.md"));

        for (ReminderKind kind : ReminderKind.values()) {
            assertThat(readme).contains("`" + kind.code() + "`").contains("push/" + kind.code() + ".schema.json");
        }
    }
}
