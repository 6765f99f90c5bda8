package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen registers, corrects and withdraws paid hours; nothing lost, nothing counted twice. */
class MyHoursApiTest {

    private static final String NETTO_CVR = "35954716";

    private final TestService service = TestService.get();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    static Map<String, Object> hours(LocalDate date, double hours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("employer", Map.of("name", "Netto", "cvr", NETTO_CVR));
        body.put("hours", hours);
        return body;
    }

    private ApiResponse register(TestCitizen citizen, Map<String, Object> body, String key) {
        return service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(key).json(body).send();
    }

    private ApiResponse register(TestCitizen citizen, Map<String, Object> body) {
        return register(citizen, body, UUID.randomUUID().toString());
    }

    @Test
    void registered_hours_are_answered_201_with_the_registration_and_its_address() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = register(citizen, hours(today, 7.5)).expect(201);

        JsonNode registration = response.json();
        assertThat(registration.path("hours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(registration.path("status").asText()).isEqualTo("active");
        assertThat(registration.path("revisions")).hasSize(1);
        assertThat(response.header("Location")).contains("/api/v1/me/hours/" + registration.path("id").asText());
    }

    @Test
    void without_an_idempotency_key_registering_is_400() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().post("/api/v1/me/hours").bearer(citizen.token()).json(hours(today, 2)).invalid()
                .send().expectProblem(400, "idempotency-key-required");

        assertThat(response.problemFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void a_retry_with_the_same_key_and_body_gets_the_same_status_and_id_and_registers_once() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String key = UUID.randomUUID().toString();

        ApiResponse first = register(citizen, hours(today, 3), key).expect(201);
        ApiResponse retry = register(citizen, hours(today, 3), key).expect(201);

        assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(summary(citizen).path("totalHours").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String key = UUID.randomUUID().toString();
        register(citizen, hours(today, 3), key).expect(201);

        register(citizen, hours(today, 4), key).expectProblem(422, "idempotency-key-reused");
    }

    @Test
    void concurrent_copies_of_one_request_register_once_and_each_gets_the_registration_or_409() throws Exception {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit((Callable<ApiResponse>) () -> register(citizen, hours(today, 1.25), key)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            ApiResponse response = answer.get();
            if (response.status() == 409) {
                response.expectProblem(409, "request-in-flight");
                assertThat(response.header("Retry-After")).isPresent();
            } else {
                ids.add(response.expect(201).json().path("id").asText());
            }
        }
        pool.shutdown();

        assertThat(ids).isNotEmpty().allMatch(ids.getFirst()::equals);
        assertThat(summary(citizen).path("totalHours").decimalValue()).isEqualByComparingTo("1.25");
    }

    @Test
    void hours_must_be_whole_quarter_hours_from_a_quarter_to_24() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        for (double bad : new double[] {0, 0.1, 24.25, -1, 7.3}) {
            var response = service.api().post("/api/v1/me/hours").bearer(citizen.token())
                    .idempotencyKey(UUID.randomUUID().toString()).json(hours(today, bad)).invalid().send()
                    .expectProblem(422, "validation-failed");
            assertThat(response.problemFields()).as("hours %s", bad).containsExactly("hours");
        }
    }

    @Test
    void an_invalid_cvr_is_422_naming_employer_cvr() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> body = hours(today, 2);
        body.put("employer", Map.of("name", "Netto", "cvr", "35954717"));

        var response = register(citizen, body).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("employer.cvr");
    }

    @Test
    void hours_for_tomorrow_are_422_date_in_future() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        var response = register(citizen, hours(today.plusDays(1), 2)).expectProblem(422, "date-in-future");

        assertThat(response.problemFields()).containsExactly("date");
    }

    @Test
    void hours_older_than_the_window_are_422_date_too_old() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        register(citizen, hours(today.minusDays(90), 2)).expect(201);
        register(citizen, hours(today.minusDays(91), 2)).expectProblem(422, "date-too-old");
    }

    @Test
    void more_than_24_hours_on_a_day_is_422_day_total_exceeded() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        LocalDate day = today.minusDays(3);
        register(citizen, hours(day, 16)).expect(201);
        register(citizen, hours(day, 8)).expect(201);

        var response = register(citizen, hours(day, 0.25)).expectProblem(422, "day-total-exceeded");

        assertThat(response.problemFields()).containsExactly("hours");
    }

    @Test
    void an_activity_id_must_be_an_activity_of_the_plan() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        Map<String, Object> body = hours(today, 2);
        body.put("activityId", citizen.citizenId() + "-act-job");
        register(citizen, body).expect(201);

        body.put("activityId", "no-such-activity");
        var response = register(citizen, body).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("activityId");
    }

    @Test
    void a_correction_adds_a_revision_that_shows_what_changed() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String id = register(citizen, hours(today.minusDays(1), 7.5)).expect(201).json().path("id").asText();
        Map<String, Object> correction = hours(today.minusDays(2), 6);
        correction.put("reason", "Forkert dag og for mange timer");

        JsonNode corrected = service.api().put("/api/v1/me/hours/" + id).bearer(citizen.token()).json(correction).send()
                .expect(200).json();

        assertThat(corrected.path("revision").asInt()).isEqualTo(2);
        assertThat(corrected.path("revisions")).hasSize(2);
        JsonNode second = corrected.path("revisions").get(1);
        assertThat(second.path("kind").asText()).isEqualTo("corrected");
        assertThat(second.path("reason").asText()).isEqualTo("Forkert dag og for mange timer");
        assertThat(second.path("changes")).extracting(c -> c.path("field").asText()).containsExactly("date", "hours");
        assertThat(corrected.path("revisions").get(0).path("hours").decimalValue()).isEqualByComparingTo("7.5");
        JsonNode again = service.api().get("/api/v1/me/hours/" + id).bearer(citizen.token()).send().expect(200).json();
        assertThat(again.path("hours").decimalValue()).isEqualByComparingTo("6");
    }

    @Test
    void a_correction_needs_a_reason() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String id = register(citizen, hours(today, 2)).expect(201).json().path("id").asText();

        var response = service.api().put("/api/v1/me/hours/" + id).bearer(citizen.token()).json(hours(today, 3))
                .invalid().send().expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("reason");
    }

    @Test
    void a_withdrawn_registration_stops_counting_and_keeps_its_history() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String id = register(citizen, hours(today, 4)).expect(201).json().path("id").asText();
        register(citizen, hours(today, 1)).expect(201);

        JsonNode withdrawn = service.api().delete("/api/v1/me/hours/" + id).bearer(citizen.token())
                .json(Map.of("reason", "Registreret to gange")).send().expect(200).json();

        assertThat(withdrawn.path("status").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.path("revisions")).hasSize(2);
        assertThat(summary(citizen).path("totalHours").decimalValue()).isEqualByComparingTo("1");
        service.api().delete("/api/v1/me/hours/" + id).bearer(citizen.token()).json(Map.of("reason", "igen")).send()
                .expect(200);
        Map<String, Object> correction = hours(today, 2);
        correction.put("reason", "x");
        service.api().put("/api/v1/me/hours/" + id).bearer(citizen.token()).json(correction).send()
                .expectProblem(409, "registration-withdrawn");
        JsonNode list = service.api().get("/api/v1/me/hours").bearer(citizen.token()).send().expect(200).json();
        assertThat(list.path("items")).hasSize(1);
        JsonNode all = service.api().get("/api/v1/me/hours?includeWithdrawn=true").bearer(citizen.token()).send()
                .expect(200).json();
        assertThat(all.path("items")).hasSize(2);
    }

    private JsonNode summary(TestCitizen citizen) {
        return service.api().get("/api/v1/me/hours/summary").bearer(citizen.token()).send().expect(200).json();
    }

    @Test
    void the_summary_totals_per_iso_week_month_and_employer() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        LocalDate monday = LocalDate.of(2026, 11, 9);
        service.clock().set(java.time.Instant.parse("2026-11-23T12:00:00Z"));
        try {
            register(citizen, hours(monday, 4)).expect(201);
            register(citizen, hours(monday.plusDays(1), 3.5)).expect(201);
            Map<String, Object> other = hours(monday.plusDays(7), 2.25);
            other.put("employer", Map.of("name", "Bilka"));
            register(citizen, other).expect(201);
            register(citizen, hours(LocalDate.of(2026, 10, 30), 1)).expect(201);

            JsonNode summary = service.api().get("/api/v1/me/hours/summary?from=2026-10-01&to=2026-11-23")
                    .bearer(citizen.token()).send().expect(200).json();

            assertThat(summary.path("totalHours").decimalValue()).isEqualByComparingTo("10.75");
            assertThat(summary.path("weeks")).extracting(w -> w.path("period").asText() + "=" + w.path("hours").asText())
                    .containsExactly("2026-W44=1", "2026-W46=7.5", "2026-W47=2.25");
            assertThat(summary.path("months")).extracting(m -> m.path("period").asText() + "=" + m.path("hours").asText())
                    .containsExactly("2026-10=1", "2026-11=9.75");
            assertThat(summary.path("employers")).extracting(e -> e.path("name").asText() + "=" + e.path("hours").asText())
                    .containsExactly("Netto=8.5", "Bilka=2.25");
        } finally {
            service.clock().reset();
        }
    }

    @Test
    void the_list_pages_newest_day_first() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (int i = 1; i <= 5; i++) {
            register(citizen, hours(today.minusDays(i), i)).expect(201);
        }

        JsonNode first = service.api().get("/api/v1/me/hours?limit=3").bearer(citizen.token()).send().expect(200).json();
        JsonNode second = service.api().get("/api/v1/me/hours?limit=3&cursor=" + first.path("nextCursor").asText())
                .bearer(citizen.token()).send().expect(200).json();

        List<String> dates = new ArrayList<>();
        first.path("items").forEach(r -> dates.add(r.path("date").asText()));
        second.path("items").forEach(r -> dates.add(r.path("date").asText()));
        assertThat(dates).containsExactly(today.minusDays(1).toString(), today.minusDays(2).toString(),
                today.minusDays(3).toString(), today.minusDays(4).toString(), today.minusDays(5).toString());
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void a_date_far_outside_any_programme_is_400_naming_the_parameter() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().get("/api/v1/me/hours?from=%2B999999999-01-01")
                .bearer(citizen.token()).invalid().send().expectProblem(400, "invalid-parameter");
        service.api().get("/api/v1/me/hours/summary?to=-999999999-01-01").bearer(citizen.token()).invalid().send()
                .expectProblem(400, "invalid-parameter");

        assertThat(response.problemFields()).containsExactly("from");
    }

    @Test
    void a_retry_with_the_number_written_differently_is_the_same_request() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String key = UUID.randomUUID().toString();
        String body = "{\"date\":\"" + today + "\",\"employer\":{\"name\":\"Netto\"},\"hours\":8}";

        String first = service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(key).json(body)
                .send().expect(201).json().path("id").asText();
        String retry = service.api().post("/api/v1/me/hours").bearer(citizen.token()).idempotencyKey(key)
                .json(body.replace("\"hours\":8", "\"hours\":8.0")).send().expect(201).json().path("id").asText();

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void the_list_goes_on_after_a_page_whose_last_item_was_withdrawn_meanwhile() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (int i = 1; i <= 4; i++) {
            register(citizen, hours(today.minusDays(i), 1)).expect(201);
        }
        JsonNode first = service.api().get("/api/v1/me/hours?limit=2").bearer(citizen.token()).send().expect(200).json();
        String last = first.path("items").get(1).path("id").asText();
        service.api().delete("/api/v1/me/hours/" + last).bearer(citizen.token()).json(Map.of("reason", "fejl")).send()
                .expect(200);

        JsonNode second = service.api().get("/api/v1/me/hours?limit=2&cursor=" + first.path("nextCursor").asText())
                .bearer(citizen.token()).send().expect(200).json();

        assertThat(second.path("items")).extracting(r -> r.path("date").asText())
                .containsExactly(today.minusDays(3).toString(), today.minusDays(4).toString());
    }

    @Test
    void a_retry_that_takes_over_after_a_crash_finds_the_registration_even_if_the_plan_changed_meanwhile() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = hours(today, 2);
        body.put("activityId", citizen.citizenId() + "-act-job");
        String id = register(citizen, body, key).expect(201).json().path("id").asText();
        // as if the process died after storing the registration but before finishing the key:
        try (var store = service.openStore()) {
            store.collection("idempotency_keys").updateOne(
                    new org.bson.Document("_id", citizen.citizenId() + ":hours|" + key),
                    new org.bson.Document("$set", new org.bson.Document("state", "in-flight")
                            .append("leaseUntil", java.util.Date.from(java.time.Instant.now().minusSeconds(60))))
                            .append("$unset", new org.bson.Document("response", "")));
        }
        Map<String, Object> withoutTheActivity = Fixtures.plan(citizen.citizenId());
        withoutTheActivity.put("activities", List.of());
        Fixtures.publishPlan(service, citizen, withoutTheActivity);

        String retried = register(citizen, body, key).expect(201).json().path("id").asText();

        assertThat(retried).isEqualTo(id);
        assertThat(summary(citizen).path("totalHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void a_period_that_ends_before_it_starts_is_400() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        var response = service.api().get("/api/v1/me/hours/summary?from=2026-11-10&to=2026-11-01").bearer(citizen.token())
                .send().expectProblem(400, "invalid-parameter");

        assertThat(response.problemFields()).containsExactly("from");
    }

    @Test
    void registrations_reach_the_caseworkers_inbox_and_the_case_systems_feed() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "730");
        String id = register(citizen, hours(today, 7.5)).expect(201).json().path("id").asText();
        Map<String, Object> correction = hours(today, 7);
        correction.put("reason", "Holdt pause");
        service.api().put("/api/v1/me/hours/" + id).bearer(citizen.token()).json(correction).send().expect(200);
        service.api().delete("/api/v1/me/hours/" + id).bearer(citizen.token()).json(Map.of("reason", "Fejl")).send()
                .expect(200);

        JsonNode inbox = service.api().get("/api/v1/municipalities/730/inbox?citizenId=" + citizen.citizenId())
                .bearer(service.issuers().caseworker("730")).send().expect(200).json();
        assertThat(inbox.path("items")).extracting(i -> i.path("type").asText())
                .containsExactly("hours-withdrawn", "hours-corrected", "hours-registered");
        assertThat(inbox.path("items").get(1).path("summary").asText()).contains("7,5").contains("Holdt pause");
        JsonNode feed = service.api().get("/api/v1/integration/municipalities/730/events?limit=500")
                .bearer(service.issuers().integration("730")).send().expect(200).json();
        assertThat(feed.path("events")).filteredOn(e -> e.path("citizenId").asText().equals(citizen.citizenId()))
                .extracting(e -> e.path("type").asText())
                .containsExactly("hours-registered", "hours-corrected", "hours-withdrawn");
    }

    @Test
    void another_citizens_registration_is_not_found() {
        TestCitizen owner = Fixtures.enrollCitizen(service, "851");
        TestCitizen other = Fixtures.enrollCitizen(service, "851");
        String id = register(owner, hours(today, 2)).expect(201).json().path("id").asText();
        Map<String, Object> correction = hours(today, 3);
        correction.put("reason", "x");

        service.api().get("/api/v1/me/hours/" + id).bearer(other.token()).send()
                .expectProblem(404, "registration-not-found");
        service.api().put("/api/v1/me/hours/" + id).bearer(other.token()).json(correction).send()
                .expectProblem(404, "registration-not-found");
        service.api().delete("/api/v1/me/hours/" + id).bearer(other.token()).json(Map.of("reason", "x")).send()
                .expectProblem(404, "registration-not-found");
        assertThat(summary(owner).path("totalHours").decimalValue()).isEqualByComparingTo("2");
    }
}
