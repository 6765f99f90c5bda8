package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.testing.PushSchemas;

/**
 * Pushes go through the real Firebase Admin SDK as real HTTP v1 requests to a fake FCM, which
 * checks the access token, the message shape and the payload against the mobile contract's schema,
 * and answers as FCM does — including its errors.
 */
class FcmDeliveryTest {

    private static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");

    private final ReminderWorld world = new ReminderWorld(NOON);

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private Reminder planUpdated(Citizen citizen) {
        world.publish(citizen, ReminderWorld.plan(List.of(), List.of()));
        return world.pending(citizen, ReminderKind.PLAN_UPDATED).getFirst();
    }

    @Test
    void a_push_reaches_fcm_with_an_access_token_the_shape_fcm_wants_and_a_payload_of_the_contract() {
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        List<FakeFcm.Received> received = world.fcm.receivedFor(token);
        assertThat(world.fcm.problems()).isEmpty();
        assertThat(received).singleElement().satisfies(push -> {
            assertThat(push.authorization()).startsWith("Bearer fake-access-token-");
            JsonNode message = push.message();
            assertThat(message.path("notification").path("title").asText()).isEqualTo("Din plan er klar");
            assertThat(message.path("data").path("kind").asText()).isEqualTo("plan-updated");
            assertThat(message.path("data").path("id").asText()).isEqualTo(reminder.notificationId());
            assertThat(message.path("data").path("deepLink").asText()).isEqualTo("mitforlob://plan");
            assertThat(message.path("android").path("priority").asText()).isEqualTo("normal");
            assertThat(PushSchemas.get().checkPayload(PushSchemas.payload(message))).isEmpty();
        });
        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.SENT);
        assertThat(world.reminders.deliveryLog(reminder.key())).extracting(DeliveryEvent::outcome)
                .containsExactly("queued", "sent");
        assertThat(world.reminders.deliveryLog(reminder.key()).getLast().messageIds()).singleElement()
                .satisfies(id -> assertThat(id).startsWith("projects/" + FakeFcm.PROJECT + "/messages/"));
    }

    @Test
    void each_device_gets_the_words_of_its_own_language() {
        Citizen citizen = world.citizen(Language.DA);
        String danish = ReminderWorld.token();
        String english = ReminderWorld.token();
        world.device(citizen, danish, Language.DA);
        world.device(citizen, english, Language.EN);
        planUpdated(citizen);

        world.dispatch();

        assertThat(world.fcm.receivedFor(danish).getFirst().message().path("notification").path("title").asText())
                .isEqualTo("Din plan er klar");
        assertThat(world.fcm.receivedFor(english).getFirst().message().path("notification").path("title").asText())
                .isEqualTo("Your plan is ready");
    }

    @Test
    void an_unregistered_token_is_removed_and_the_failure_logged_with_fcms_error() {
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        world.fcm.always(token, FakeFcm.Answer.unregistered());
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        assertThat(world.deviceStore.ofCitizen(citizen.id())).isEmpty();
        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.FAILED);
        assertThat(world.reminders.deliveryLog(reminder.key()).getLast().detail()).startsWith("UNREGISTERED (HTTP 404)");
        assertThat(world.listed(citizen)).as("the in-app list has it all the same").hasSize(1);
    }

    @Test
    void an_invalid_argument_token_is_removed_but_the_citizens_other_device_still_gets_the_push() {
        Citizen citizen = world.citizen(Language.DA);
        String broken = ReminderWorld.token();
        String working = ReminderWorld.token();
        world.device(citizen, broken, Language.DA);
        world.device(citizen, working, Language.DA);
        world.fcm.always(broken, FakeFcm.Answer.invalidArgument());
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        assertThat(world.deviceStore.ofCitizen(citizen.id())).extracting(Device::token).containsExactly(working);
        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.SENT);
    }

    @Test
    void a_429_with_retry_after_is_tried_again_no_sooner_than_fcm_asked() {
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        world.fcm.script(token, FakeFcm.Answer.quotaExceeded(120));
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        Reminder waiting = world.reminder(reminder.key());
        assertThat(waiting.status()).isEqualTo(Reminder.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAt()).isBetween(NOON.plusSeconds(120), NOON.plusSeconds(144));
        assertThat(world.reminders.deliveryLog(reminder.key()).getLast().detail()).startsWith("QUOTA_EXCEEDED (HTTP 429)");

        world.at(NOON.plusSeconds(119));
        assertThat(world.dispatch()).as("not before retry-after").isZero();
        world.at(waiting.nextAt());
        world.dispatch();

        assertThat(world.fcm.receivedFor(token)).hasSize(2);
        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.SENT);
        assertThat(world.reminders.deliveryLog(reminder.key())).extracting(DeliveryEvent::outcome)
                .containsExactly("queued", "retry", "sent");
    }

    @Test
    void a_server_error_backs_off_exponentially_and_is_given_up_after_eight_attempts() {
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        world.fcm.always(token, FakeFcm.Answer.internal());
        Reminder reminder = planUpdated(citizen);

        Instant now = NOON;
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            world.dispatch();
            Reminder waiting = world.reminder(reminder.key());
            Duration delay = Duration.between(now, waiting.nextAt());
            assertThat(delay).as("attempt " + attempt).isGreaterThanOrEqualTo(Backoff.FIRST.multipliedBy(1L << (attempt - 1)).dividedBy(2))
                    .isGreaterThan(previous.dividedBy(2));
            previous = delay;
            now = waiting.nextAt();
            world.at(now);
        }
        world.dispatch();

        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.FAILED);
        assertThat(world.reminder(reminder.key()).attempts()).isEqualTo(Backoff.MAX_ATTEMPTS);
        assertThat(world.fcm.receivedFor(token)).hasSize(Backoff.MAX_ATTEMPTS);
        assertThat(world.deviceStore.ofCitizen(citizen.id())).as("a server error says nothing about the token")
                .hasSize(1);
    }

    @Test
    void a_citizen_without_a_device_gets_the_notification_in_the_app_only() {
        Citizen citizen = world.citizen(Language.DA);
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        assertThat(world.reminder(reminder.key()).status()).isEqualTo(Reminder.Status.SKIPPED);
        assertThat(world.reminders.deliveryLog(reminder.key()).getLast().detail()).isEqualTo("no-device");
        assertThat(world.listed(citizen)).extracting(Notification::id).containsExactly(reminder.notificationId());
    }

    @Test
    void a_device_not_seen_for_60_days_gets_nothing_and_is_pruned() {
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        world.at(NOON.plus(Duration.ofDays(60)).plusSeconds(1));
        Reminder reminder = planUpdated(citizen);

        world.dispatch();

        assertThat(world.fcm.receivedFor(token)).isEmpty();
        assertThat(world.reminders.deliveryLog(reminder.key()).getLast().detail()).isEqualTo("no-device");
        assertThat(world.devices.prune()).isEqualTo(1);
        assertThat(world.deviceStore.ofCitizen(citizen.id())).isEmpty();
    }
}
