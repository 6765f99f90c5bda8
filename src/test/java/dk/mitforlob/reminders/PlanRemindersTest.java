package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.plan.Meeting;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.testing.FakeFcm;

/** Plan versions become reminders: meetings (moved, cancelled), "plan updated" once per version or group. */
class PlanRemindersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z"); // Monday 10:00
    private static final Instant THURSDAY_TEN = Instant.parse("2026-11-26T09:00:00Z");

    private final ReminderWorld world = new ReminderWorld(NOW);
    private final Citizen citizen = world.citizen(Language.DA);
    private final String token = ReminderWorld.token();

    {
        world.device(citizen, token, Language.DA);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private void publishMeetings(Meeting... meetings) {
        world.publish(citizen, ReminderWorld.plan(List.of(meetings), List.of()));
    }

    private List<FakeFcm.Received> pushesOf(String kind) {
        return world.fcm.receivedFor(token).stream().filter(r -> r.kind().equals(kind)).toList();
    }

    @Test
    void a_meeting_moved_after_its_reminders_were_scheduled_gets_no_stale_reminder() {
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        assertThat(world.pending(citizen, ReminderKind.MEETING_IN_TWO_HOURS)).hasSize(1);
        world.at(NOW.plusSeconds(60));
        Instant friday = THURSDAY_TEN.plus(Duration.ofDays(1));
        publishMeetings(ReminderWorld.meeting("m1", friday));

        world.at(THURSDAY_TEN.minus(Duration.ofHours(2)));
        world.dispatch();
        assertThat(pushesOf("meeting-in-two-hours")).as("nothing at the old time").isEmpty();
        world.at(friday.minus(Duration.ofHours(2)));
        world.dispatch();

        assertThat(pushesOf("meeting-in-two-hours")).singleElement().satisfies(push -> assertThat(
                push.message().path("notification").path("body").asText()).contains("kl. 10:00"));
        assertThat(pushesOf("meeting-tomorrow")).as("Thursday 17:00 for Friday").hasSize(1);
    }

    @Test
    void a_reminder_is_checked_against_the_plan_before_it_goes_even_if_rescheduling_never_ran() {
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        // a version stored by an instance that died before telling reminders: a plan service without the listener
        Plans deaf = new Plans(new MongoPlanRepository(world.store, new MongoOutbox(new MongoInbox(world.store), world.store, world.clock)),
                world.clock);
        deaf.publish(citizen, ReminderWorld.plan(List.of(ReminderWorld.meeting("m1", THURSDAY_TEN.plusSeconds(3600))),
                List.of()), java.util.OptionalLong.empty(), ReminderWorld.CASE_SYSTEM, true);

        world.at(THURSDAY_TEN.minus(Duration.ofHours(2)));
        world.dispatch();

        assertThat(pushesOf("meeting-in-two-hours")).isEmpty();
        assertThat(world.reminders.deliveryLog(citizen.id() + ":meeting-in-two-hours:m1:"
                + THURSDAY_TEN.getEpochSecond()).getLast().detail()).isEqualTo("withdrawn");
    }

    @Test
    void a_cancelled_meeting_withdraws_its_reminders_and_sends_a_cancelled_notice() {
        Meeting meeting = ReminderWorld.meeting("m1", THURSDAY_TEN);
        publishMeetings(meeting);
        world.at(NOW.plus(Duration.ofMinutes(30)));
        publishMeetings(ReminderWorld.cancelled(meeting));

        world.dispatch();
        world.at(THURSDAY_TEN.minus(Duration.ofHours(2)));
        world.dispatch();

        assertThat(pushesOf("meeting-cancelled")).singleElement().satisfies(push -> assertThat(
                push.message().path("notification").path("body").asText())
                .isEqualTo("Mødet d. 26. november kl. 10:00 er aflyst. Se din plan i Mit Forløb."));
        assertThat(pushesOf("meeting-tomorrow")).isEmpty();
        assertThat(pushesOf("meeting-in-two-hours")).isEmpty();
        assertThat(world.fcm.problems()).isEmpty();
    }

    @Test
    void a_meeting_moved_away_and_back_is_reminded_of_once() {
        Meeting meeting = ReminderWorld.meeting("m1", THURSDAY_TEN);
        publishMeetings(meeting);
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN.plusSeconds(1800)));
        publishMeetings(meeting);

        world.at(THURSDAY_TEN.minus(Duration.ofHours(2)));
        world.dispatch();

        assertThat(pushesOf("meeting-in-two-hours")).hasSize(1);
    }

    @Test
    void several_versions_within_ten_minutes_make_one_plan_updated_notification() {
        for (int minute = 0; minute < 10; minute += 3) {
            world.at(NOW.plus(Duration.ofMinutes(minute)));
            publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN.plus(Duration.ofMinutes(minute))));
            world.dispatch();
        }
        assertThat(pushesOf("plan-updated")).as("versions 1-4 within ten minutes of the first").hasSize(1);

        world.at(NOW.plus(Duration.ofMinutes(10)));
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        world.dispatch();

        assertThat(pushesOf("plan-updated")).as("version 5, ten minutes after the first").hasSize(2);
        assertThat(world.listed(citizen).stream().filter(n -> n.kind() == ReminderKind.PLAN_UPDATED)).hasSize(2);
    }

    @Test
    void a_version_by_someone_else_within_the_ten_minutes_is_a_notification_of_its_own() {
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        world.dispatch();
        world.at(NOW.plus(Duration.ofMinutes(2)));
        world.plans.publish(citizen, ReminderWorld.plan(List.of(ReminderWorld.meeting("m1", THURSDAY_TEN.plusSeconds(600))),
                List.of()), java.util.OptionalLong.of(1), new dk.mitforlob.plan.PlanVersion.Author(
                dk.mitforlob.plan.PlanVersion.Author.CASEWORKER, "karen"), false);
        world.dispatch();

        assertThat(pushesOf("plan-updated")).as("the case system's version, then the caseworker's").hasSize(2);
    }

    @Test
    void a_version_published_by_a_process_that_died_before_scheduling_is_caught_up() {
        // announced, stored, but never reported done: what a SIGKILL between the two leaves behind
        world.planReminders.publishing(citizen, 1);
        Plans deaf = new Plans(new MongoPlanRepository(world.store, new MongoOutbox(new MongoInbox(world.store), world.store, world.clock)),
                world.clock);
        deaf.publish(citizen, ReminderWorld.plan(List.of(ReminderWorld.meeting("m1", THURSDAY_TEN)), List.of()),
                java.util.OptionalLong.empty(), ReminderWorld.CASE_SYSTEM, true);
        PlanCatchUp catchUp = new PlanCatchUp(world.notices, world.planReminders, world.citizens, world.plans,
                world.clock);
        assertThat(catchUp.run()).as("a publication may still be under way").isZero();

        world.at(NOW.plus(PlanCatchUp.GRACE).plusSeconds(1));
        assertThat(catchUp.run()).isEqualTo(1);
        assertThat(catchUp.run()).as("done once").isZero();
        world.dispatch();

        assertThat(pushesOf("plan-updated")).hasSize(1);
        assertThat(world.pending(citizen, ReminderKind.MEETING_TOMORROW)).hasSize(1);
        assertThat(world.pending(citizen, ReminderKind.MEETING_IN_TWO_HOURS)).hasSize(1);
    }

    @Test
    void publishing_the_same_plan_again_schedules_nothing_new() {
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        world.dispatch();
        world.at(NOW.plus(Duration.ofHours(1)));
        publishMeetings(ReminderWorld.meeting("m1", THURSDAY_TEN));
        world.dispatch();

        assertThat(pushesOf("plan-updated")).hasSize(1);
        assertThat(world.pending(citizen, ReminderKind.MEETING_TOMORROW)).hasSize(1);
    }
}
