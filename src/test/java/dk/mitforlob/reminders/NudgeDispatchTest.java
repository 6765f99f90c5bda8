package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.hours.Employer;
import dk.mitforlob.hours.HoursInput;
import dk.mitforlob.testing.FakeFcm;

/** The weekly paid-hours nudge, end to end: scheduled from the plan, checked against the ledger at its time. */
class NudgeDispatchTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant SUNDAY_SIX_PM = Instant.parse("2026-11-29T17:00:00Z");
    private static final Instant NEXT_SUNDAY_SIX_PM = Instant.parse("2026-12-06T17:00:00Z");

    private final ReminderWorld world = new ReminderWorld(MONDAY);
    private final Citizen citizen = world.citizen(Language.EN);
    private final String token = ReminderWorld.token();

    {
        world.device(citizen, token, Language.EN);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private List<FakeFcm.Received> nudges() {
        return world.fcm.receivedFor(token).stream().filter(r -> r.kind().equals("hours-nudge")).toList();
    }

    @Test
    void a_week_without_registered_hours_gets_a_nudge_and_the_next_week_is_scheduled() {
        world.publish(citizen, ReminderWorld.plan(List.of(), List.of(ReminderWorld.smallJob(LocalDate.of(2026, 11, 1),
                null))));
        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).extracting(Reminder::dueAt)
                .containsExactly(SUNDAY_SIX_PM);

        world.at(SUNDAY_SIX_PM);
        world.dispatch();

        assertThat(nudges()).singleElement().satisfies(push -> {
            assertThat(push.message().path("notification").path("title").asText()).isEqualTo("Remember your hours");
            assertThat(push.message().path("data").path("deepLink").asText()).isEqualTo("mitforlob://hours/new");
        });
        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).extracting(Reminder::dueAt)
                .containsExactly(NEXT_SUNDAY_SIX_PM);
    }

    @Test
    void hours_registered_that_week_mean_no_nudge_but_next_week_is_still_scheduled() {
        world.publish(citizen, ReminderWorld.plan(List.of(), List.of(ReminderWorld.smallJob(LocalDate.of(2026, 11, 1),
                null))));
        world.at(Instant.parse("2026-11-25T12:00:00Z"));
        world.paidHours.register(citizen, new HoursInput(LocalDate.of(2026, 11, 24), new Employer("Føtex", null),
                new BigDecimal("3"), null, "act-job", null), "op-1");

        world.at(SUNDAY_SIX_PM);
        world.dispatch();

        assertThat(nudges()).isEmpty();
        assertThat(world.reminders.deliveryLog(citizen.id() + ":hours-nudge:2026-W48").getLast().detail())
                .isEqualTo("hours-registered");
        assertThat(world.listed(citizen)).noneMatch(n -> n.kind() == ReminderKind.HOURS_NUDGE);
        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).extracting(Reminder::dueAt)
                .containsExactly(NEXT_SUNDAY_SIX_PM);
    }

    @Test
    void a_new_nudge_time_moves_the_pending_nudge_within_its_week_or_to_the_next() {
        world.publish(citizen, ReminderWorld.plan(List.of(), List.of(ReminderWorld.smallJob(LocalDate.of(2026, 11, 1),
                null))));
        PreferencesInput.Kinds all = new PreferencesInput.Kinds(true, true, true, true, true, true, true);
        PreferencesInput.Window night = new PreferencesInput.Window("21:00", "08:00");

        world.preferences.save(citizen, new PreferencesInput(all, night, new PreferencesInput.Weekly("friday", "15:00")), 0);
        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).extracting(Reminder::dueAt)
                .containsExactly(Instant.parse("2026-11-27T14:00:00Z"));

        world.preferences.save(citizen, new PreferencesInput(all, night, new PreferencesInput.Weekly("monday", "09:00")), 1);
        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).as("Monday 09:00 of this week has passed")
                .extracting(Reminder::dueAt).containsExactly(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void no_nudges_without_a_paid_hours_activity() {
        world.publish(citizen, ReminderWorld.plan(List.of(), List.of()));

        assertThat(world.pending(citizen, ReminderKind.HOURS_NUDGE)).isEmpty();
    }
}
