package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** Notification preferences: the defaults, versions with If-Match as for wishes, strict validation. */
class PreferencesApiTest {

    private static final String PATH = "/api/v1/me/notification-preferences";

    private final TestService service = TestService.get();

    static Map<String, Object> preferences(boolean surveyReminders, String quietFrom, String quietTo, String day,
                                           String time) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (ReminderKind kind : ReminderKind.values()) {
            kinds.put(kind.code(), true);
        }
        kinds.put("survey-reminder", surveyReminders);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kinds", kinds);
        body.put("quietHours", new LinkedHashMap<>(Map.of("from", quietFrom, "to", quietTo)));
        body.put("hoursNudge", new LinkedHashMap<>(Map.of("day", day, "time", time)));
        return body;
    }

    private ApiResponse put(TestCitizen citizen, String etag, Object body) {
        return service.api().put(PATH).bearer(citizen.token()).ifMatch(etag).json(body).send();
    }

    @Test
    void before_anything_is_saved_the_defaults_apply_at_version_0() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = service.api().get(PATH).bearer(citizen.token()).send().expect(200);

        JsonNode body = response.json();
        assertThat(response.etag()).isEqualTo("\"0\"");
        assertThat(body.path("version").asLong()).isZero();
        assertThat(body.path("kinds").size()).isEqualTo(ReminderKind.values().length);
        assertThat(body.path("kinds").path("meeting-in-two-hours").asBoolean()).isTrue();
        assertThat(body.path("quietHours").path("from").asText()).isEqualTo("21:00");
        assertThat(body.path("quietHours").path("to").asText()).isEqualTo("08:00");
        assertThat(body.path("hoursNudge").path("day").asText()).isEqualTo("sunday");
        assertThat(body.path("hoursNudge").path("time").asText()).isEqualTo("18:00");
        assertThat(body.path("timeZone").asText()).isEqualTo("Europe/Copenhagen");
        service.api().get(PATH).bearer(citizen.token()).header("If-None-Match", "\"0\"").send().expect(304);
    }

    @Test
    void saving_makes_a_new_version_and_a_stale_write_is_refused() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> mine = preferences(false, "22:30", "07:15", "friday", "15:00");

        ApiResponse saved = put(citizen, "\"0\"", mine).expect(200);
        ApiResponse again = put(citizen, "\"0\"", mine).expect(200);
        ApiResponse stale = put(citizen, "\"0\"", preferences(true, "21:00", "08:00", "monday", "09:00"))
                .expectProblem(412, "version-conflict");

        assertThat(saved.etag()).isEqualTo("\"1\"");
        assertThat(saved.json().path("kinds").path("survey-reminder").asBoolean()).isFalse();
        assertThat(saved.json().path("quietHours").path("from").asText()).isEqualTo("22:30");
        assertThat(saved.json().path("hoursNudge").path("day").asText()).isEqualTo("friday");
        assertThat(again.etag()).as("a retried save changes nothing").isEqualTo("\"1\"");
        assertThat(stale.etag()).isEqualTo("\"1\"");
        assertThat(put(citizen, "\"1\"", preferences(true, "21:00", "08:00", "monday", "09:00")).expect(200).etag())
                .isEqualTo("\"2\"");
    }

    @Test
    void a_save_without_if_match_is_refused() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().put(PATH).bearer(citizen.token()).json(preferences(true, "21:00", "08:00", "sunday", "18:00"))
                .invalid().send().expectProblem(428, "if-match-required");
        service.api().put(PATH).bearer(citizen.token()).ifMatch("seven")
                .json(preferences(true, "21:00", "08:00", "sunday", "18:00")).send()
                .expectProblem(400, "invalid-if-match");
    }

    @Test
    void times_days_and_missing_kinds_are_refused_by_name() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> bad = preferences(true, "24:00", "8:00", "someday", "18:00:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = (Map<String, Object>) bad.get("kinds");
        kinds.remove("hours-nudge");

        ApiResponse response = service.api().put(PATH).bearer(citizen.token()).ifMatch("\"0\"").json(bad).invalid()
                .send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactlyInAnyOrder("kinds.hours-nudge", "quietHours.from",
                "quietHours.to", "hoursNudge.day", "hoursNudge.time");
    }

    @Test
    void quiet_hours_must_start_and_end_at_different_times() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = put(citizen, "\"0\"", preferences(true, "08:00", "08:00", "sunday", "18:00"))
                .expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("quietHours.to");
    }

    @Test
    void the_nudge_must_come_outside_the_quiet_hours() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = put(citizen, "\"0\"", preferences(true, "21:00", "08:00", "sunday", "22:00"))
                .expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("hoursNudge.time");
        put(citizen, "\"0\"", preferences(true, "21:00", "08:00", "sunday", "20:59")).expect(200);
    }

    @Test
    void unknown_fields_and_wrong_types_are_a_400() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> unknown = preferences(true, "21:00", "08:00", "sunday", "18:00");
        unknown.put("sound", "loud");
        Map<String, Object> wrongType = preferences(true, "21:00", "08:00", "sunday", "18:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = (Map<String, Object>) wrongType.get("kinds");
        kinds.put("plan-updated", "yes");

        service.api().put(PATH).bearer(citizen.token()).ifMatch("\"0\"").json(unknown).invalid().send()
                .expectProblem(400, "unknown-field");
        service.api().put(PATH).bearer(citizen.token()).ifMatch("\"0\"").json(wrongType).invalid().send()
                .expectProblem(400, "invalid-field-type");
    }
}
