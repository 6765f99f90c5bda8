package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;

/**
 * Quiet hours hold back the push, not the notification: it is in the in-app list at once and pushed
 * when they end — except "meeting in two hours". Under a fixed clock, on ordinary nights and on both
 * nights the clocks change.
 */
class QuietHoursDispatchTest {

    private ReminderWorld world;

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private record Setup(Citizen citizen, String token) {
    }

    private Setup citizenWithDevice(Instant now) {
        world = new ReminderWorld(now);
        Citizen citizen = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(citizen, token, Language.DA);
        return new Setup(citizen, token);
    }

    @Test
    void a_plan_published_in_the_evening_is_listed_at_once_and_pushed_at_eight_next_morning() {
        Instant evening = Instant.parse("2026-11-24T21:30:00Z"); // 22:30 in Copenhagen
        Setup setup = citizenWithDevice(evening);
        world.publish(setup.citizen(), ReminderWorld.plan(List.of(), List.of()));

        world.dispatch();

        Reminder held = world.pending(setup.citizen(), ReminderKind.PLAN_UPDATED).getFirst();
        assertThat(world.listed(setup.citizen())).as("in the list whatever the quiet hours").hasSize(1);
        assertThat(world.fcm.receivedFor(setup.token())).isEmpty();
        assertThat(held.nextAt()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(world.reminders.deliveryLog(held.key()).getLast().outcome()).isEqualTo("held");

        world.at(Instant.parse("2026-11-25T06:59:59Z"));
        assertThat(world.dispatch()).isZero();
        world.at(Instant.parse("2026-11-25T07:00:00Z"));
        world.dispatch();

        assertThat(world.fcm.receivedFor(setup.token())).hasSize(1);
        assertThat(world.listed(setup.citizen())).as("listed once, not again when pushed").hasSize(1);
        assertThat(world.reminders.deliveryLog(held.key())).extracting(DeliveryEvent::outcome)
                .containsExactly("queued", "held", "sent");
    }

    @Test
    void a_meeting_in_two_hours_is_pushed_inside_quiet_hours() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        Setup setup = citizenWithDevice(now);
        // a meeting at 07:30 in Copenhagen: two hours before is 05:30, deep in the quiet hours
        Instant start = Instant.parse("2026-11-25T06:30:00Z");
        world.publish(setup.citizen(), ReminderWorld.plan(List.of(ReminderWorld.meeting("early", start)), List.of()));
        world.dispatch();
        world.fcm.reset();

        world.at(start.minusSeconds(7200));
        world.dispatch();

        assertThat(world.fcm.receivedFor(setup.token())).singleElement()
                .satisfies(push -> assertThat(push.kind()).isEqualTo("meeting-in-two-hours"));
        assertThat(world.fcm.receivedFor(setup.token()).getFirst().message().path("android").path("priority").asText())
                .isEqualTo("high");
    }

    @Test
    void on_the_night_to_summer_time_a_held_push_goes_at_eight_summer_time() {
        Instant night = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET, half an hour before the switch
        Setup setup = citizenWithDevice(night);
        world.publish(setup.citizen(), ReminderWorld.plan(List.of(), List.of()));
        world.dispatch();

        world.at(Instant.parse("2026-03-29T05:59:59Z")); // 07:59:59 CEST
        world.dispatch();
        assertThat(world.fcm.receivedFor(setup.token())).isEmpty();
        world.at(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
        world.dispatch();

        assertThat(world.fcm.receivedFor(setup.token())).hasSize(1);
    }

    @Test
    void on_the_night_to_winter_time_a_held_push_goes_at_eight_winter_time() {
        Instant night = Instant.parse("2026-10-25T01:30:00Z"); // 02:30 CET, the second time round
        Setup setup = citizenWithDevice(night);
        world.publish(setup.citizen(), ReminderWorld.plan(List.of(), List.of()));
        world.dispatch();

        world.at(Instant.parse("2026-10-25T06:00:00Z")); // 07:00 CET: it would be 08:00 in summer time
        world.dispatch();
        assertThat(world.fcm.receivedFor(setup.token())).isEmpty();
        world.at(Instant.parse("2026-10-25T07:00:00Z")); // 08:00 CET
        world.dispatch();

        assertThat(world.fcm.receivedFor(setup.token())).hasSize(1);
    }

    @Test
    void the_citizens_own_quiet_hours_and_a_kind_turned_off_are_respected() {
        Instant afternoon = Instant.parse("2026-11-24T13:00:00Z"); // 14:00 in Copenhagen
        Setup setup = citizenWithDevice(afternoon);
        var kinds = new PreferencesInput.Kinds(true, true, true, true, true, true, true);
        world.preferences.save(setup.citizen(), new PreferencesInput(kinds, new PreferencesInput.Window("13:00", "15:00"),
                new PreferencesInput.Weekly("sunday", "18:00")), 0);
        world.publish(setup.citizen(), ReminderWorld.plan(List.of(), List.of()));
        world.dispatch();
        assertThat(world.fcm.receivedFor(setup.token())).as("held until 15:00").isEmpty();

        Citizen quiet = world.citizen(Language.DA);
        String token = ReminderWorld.token();
        world.device(quiet, token, Language.DA);
        world.preferences.save(quiet, new PreferencesInput(new PreferencesInput.Kinds(true, true, true, false, true,
                true, true), new PreferencesInput.Window("21:00", "08:00"), new PreferencesInput.Weekly("sunday", "18:00")), 0);
        world.publish(quiet, ReminderWorld.plan(List.of(), List.of()));
        world.dispatch();

        String key = quiet.id() + ":plan-updated:1";
        assertThat(world.reminder(key).status()).isEqualTo(Reminder.Status.SKIPPED);
        assertThat(world.reminders.deliveryLog(key).getLast().detail()).isEqualTo("preference-off");
        assertThat(world.fcm.receivedFor(token)).isEmpty();
        assertThat(world.listed(quiet)).as("a kind turned off is not listed either").isEmpty();
    }
}
