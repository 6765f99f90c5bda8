package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.PushSchemas;
import dk.mitforlob.testing.TestService;

/**
 * The whole way through the running service: a device registered over HTTP, a plan published by
 * the case system, the notification in the in-app list within seconds and its push at FCM — sent
 * by the service's own dispatcher through the real Firebase Admin SDK.
 */
class NotificationsApiTest {

    private final TestService service = TestService.get();

    private JsonNode list(TestCitizen citizen, String query) {
        return service.api().get("/api/v1/me/notifications" + query).bearer(citizen.token()).send().expect(200).json();
    }

    /** Waits up to 20 s for the citizen's list to hold {@code count} notifications. */
    private JsonNode awaitListed(TestCitizen citizen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode page = list(citizen, "?limit=100");
        while (page.path("items").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = list(citizen, "?limit=100");
        }
        return page;
    }

    private List<FakeFcm.Received> awaitPushes(String token, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestService.fcm().receivedFor(token).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return TestService.fcm().receivedFor(token);
    }

    @Test
    void a_published_plan_is_in_the_list_within_seconds_and_pushed_to_the_citizens_device() throws Exception {
        // noon in Copenhagen: outside quiet hours whenever the suite runs
        service.clock().set(Instant.parse("2026-11-24T11:00:00Z"));
        try {
            TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
            String token = ReminderWorld.token();
            service.api().put("/api/v1/me/devices/" + DevicesApiTest.installation()).bearer(citizen.token())
                    .json(DevicesApiTest.device(token)).send().expect(201);

            Fixtures.publishPlan(service, citizen, Fixtures.plan(citizen.citizenId()));

            JsonNode page = awaitListed(citizen, 1);
            assertThat(page.path("unreadCount").asLong()).isEqualTo(1);
            JsonNode notification = page.path("items").get(0);
            assertThat(notification.path("kind").asText()).isEqualTo("plan-updated");
            assertThat(notification.path("title").asText()).isEqualTo("Din plan er klar");
            assertThat(notification.path("deepLink").asText()).isEqualTo("mitforlob://plan");
            assertThat(notification.path("read").asBoolean()).isFalse();
            List<FakeFcm.Received> pushes = awaitPushes(token, 1);
            assertThat(pushes).singleElement().satisfies(push -> {
                assertThat(push.dataId()).isEqualTo(notification.path("id").asText());
                assertThat(PushSchemas.get().checkPayload(PushSchemas.payload(push.message()))).isEmpty();
            });
            assertThat(TestService.fcm().problems()).isEmpty();
            String metrics = service.api().get("/observe/metrics").offContract().send().expect(200).bodyText();
            assertThat(metrics).containsPattern("mitforlob_reminders_total\\{[^}]*outcome=\"sent\"[^}]*} [1-9]")
                    .containsPattern("mitforlob_reminders_total\\{[^}]*outcome=\"queued\"");
        } finally {
            service.clock().reset();
        }
    }

    @Test
    void marking_read_is_safe_to_repeat_and_lowers_the_unread_count() throws Exception {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Fixtures.publishPlan(service, citizen, Fixtures.plan(citizen.citizenId()));
        String id = awaitListed(citizen, 1).path("items").get(0).path("id").asText();

        JsonNode read = service.api().post("/api/v1/me/notifications/" + id + "/read").bearer(citizen.token()).send()
                .expect(200).json();
        JsonNode again = service.api().post("/api/v1/me/notifications/" + id + "/read").bearer(citizen.token()).send()
                .expect(200).json();

        assertThat(read.path("read").asBoolean()).isTrue();
        assertThat(again.path("readAt").asText()).isEqualTo(read.path("readAt").asText());
        assertThat(list(citizen, "").path("unreadCount").asLong()).isZero();
    }

    @Test
    void someone_elses_or_an_unknown_notification_is_not_found() throws Exception {
        TestCitizen owner = Fixtures.enrollCitizen(service, "851");
        TestCitizen other = Fixtures.enrollCitizen(service, "851");
        Fixtures.publishPlan(service, owner, Fixtures.plan(owner.citizenId()));
        String id = awaitListed(owner, 1).path("items").get(0).path("id").asText();

        service.api().post("/api/v1/me/notifications/" + id + "/read").bearer(other.token()).send()
                .expectProblem(404, "notification-not-found");
        service.api().post("/api/v1/me/notifications/0000000000000000000a/read").bearer(owner.token()).send()
                .expectProblem(404, "notification-not-found");
        assertThat(list(owner, "").path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void the_list_pages_newest_first_with_a_cursor() throws Exception {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Instant start = Instant.parse("2026-11-24T11:00:00Z");
        try {
            for (int i = 0; i < 3; i++) {
                // eleven minutes apart: each version a notification of its own
                service.clock().set(start.plus(Duration.ofMinutes(11L * i)));
                java.util.Map<String, Object> plan = Fixtures.plan(citizen.citizenId());
                plan.put("contact", java.util.Map.of("name", "Case Worker " + i, "phone", "+45 12 34 56 78"));
                Fixtures.publishPlan(service, citizen, plan);
                awaitListed(citizen, i + 1);
            }
        } finally {
            service.clock().reset();
        }

        JsonNode first = list(citizen, "?limit=2");
        JsonNode second = list(citizen, "?limit=2&cursor=" + first.path("nextCursor").asText());

        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("unreadCount").asLong()).isEqualTo(3);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(first.path("items").get(0).path("createdAt").asText())
                .isGreaterThan(first.path("items").get(1).path("createdAt").asText());
        assertThat(second.path("items").get(0).path("title").asText()).isEqualTo("Din plan er klar");
        service.api().get("/api/v1/me/notifications?cursor=bogus").bearer(citizen.token()).send()
                .expectProblem(400, "invalid-cursor");
        service.api().get("/api/v1/me/notifications?limit=0").bearer(citizen.token()).invalid().send()
                .expectProblem(400, "invalid-parameter");
    }

    @Test
    void no_rows_is_an_empty_list_with_nothing_unread() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        JsonNode page = list(citizen, "");

        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("unreadCount").asLong()).isZero();
        assertThat(page.has("nextCursor")).isFalse();
    }
}
