package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.survey.SurveyInvitations;

/**
 * Survey invitations and at most two reminders, until the citizen answers or the round closes.
 * The survey feature is not on this branch: its port is played by a small in-memory implementation.
 */
class SurveyRemindersTest {

    private static final Instant OPENS = Instant.parse("2026-11-23T09:00:00Z"); // Monday 10:00
    private static final Instant CLOSES = OPENS.plus(Duration.ofDays(14));

    /** The survey feature as far as reminders see it: open rounds and who has answered. */
    private static final class Rounds implements SurveyInvitations {
        final List<OpenRound> open = new ArrayList<>();
        final Set<String> answered = ConcurrentHashMap.newKeySet();

        @Override
        public List<OpenRound> openRounds(Instant now) {
            return open.stream().filter(r -> !r.opensAt().isAfter(now) && r.closesAt().isAfter(now)).toList();
        }

        @Override
        public boolean hasAnswered(String roundId, String citizenId) {
            return answered.contains(roundId + "/" + citizenId);
        }
    }

    private final Rounds rounds = new Rounds();
    private final ReminderWorld world = new ReminderWorld(OPENS, FakeFcm.start(), true, rounds);
    private final SurveyReminders survey = new SurveyReminders(rounds, world.reminders, world.notices, world.clock);
    private final Citizen anna = world.citizen(Language.DA);
    private final Citizen bo = world.citizen(Language.EN);
    private final String annasPhone = ReminderWorld.token();
    private final String bosPhone = ReminderWorld.token();

    {
        world.device(anna, annasPhone, Language.DA);
        world.device(bo, bosPhone, Language.EN);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private void open(Instant closes) {
        rounds.open.add(new SurveyInvitations.OpenRound("round-1", Map.of("da", "Brugerundersøgelse efterår 2026",
                "en", "User survey autumn 2026"), OPENS, closes, List.of(anna.id(), bo.id())));
    }

    private List<String> kindsPushedTo(String token) {
        return world.fcm.receivedFor(token).stream().map(FakeFcm.Received::kind).toList();
    }

    private void dayByDay(int days) {
        for (int day = 0; day <= days; day++) {
            world.at(OPENS.plus(Duration.ofDays(day)).plusSeconds(1));
            survey.run();
            world.dispatch();
        }
    }

    @Test
    void an_invitation_when_the_round_opens_and_two_reminders_while_unanswered() {
        open(CLOSES);

        dayByDay(13);

        assertThat(kindsPushedTo(annasPhone)).containsExactly("survey-invitation", "survey-reminder", "survey-reminder");
        assertThat(world.fcm.receivedFor(bosPhone).getFirst().message().path("notification").path("body").asText())
                .contains("\"User survey autumn 2026\"");
        assertThat(world.fcm.receivedFor(annasPhone).getFirst().message().path("data").path("deepLink").asText())
                .isEqualTo("mitforlob://surveys/round-1");
        assertThat(world.fcm.problems()).isEmpty();
    }

    @Test
    void no_reminder_after_answering() {
        open(CLOSES);
        dayByDay(1);
        rounds.answered.add("round-1/" + anna.id());

        dayByDay(13);

        assertThat(kindsPushedTo(annasPhone)).containsExactly("survey-invitation");
        assertThat(kindsPushedTo(bosPhone)).containsExactly("survey-invitation", "survey-reminder", "survey-reminder");
        assertThat(world.reminders.deliveryLog(anna.id() + ":survey-reminder:round-1:1").getLast().detail())
                .isEqualTo("answered");
    }

    @Test
    void no_invitation_to_someone_who_answered_before_it_went_out() {
        rounds.answered.add("round-1/" + anna.id());
        open(CLOSES);

        dayByDay(13);

        assertThat(kindsPushedTo(annasPhone)).isEmpty();
        assertThat(world.listed(anna)).isEmpty();
    }

    @Test
    void a_short_round_gets_fewer_reminders_and_none_after_it_closed() {
        open(OPENS.plus(Duration.ofDays(5)));

        dayByDay(10);

        assertThat(kindsPushedTo(annasPhone)).as("day 3 is a day before the close; day 7 is after it")
                .containsExactly("survey-invitation", "survey-reminder");
    }

    @Test
    void a_reminder_held_past_the_close_is_not_sent() {
        open(CLOSES);
        dayByDay(0);
        world.at(CLOSES.plusSeconds(1));

        world.dispatch();

        assertThat(kindsPushedTo(annasPhone)).containsExactly("survey-invitation");
        assertThat(world.reminders.deliveryLog(anna.id() + ":survey-reminder:round-1:2").getLast().detail())
                .isEqualTo("round-closed");
    }

    @Test
    void a_round_already_scheduled_is_passed_over_and_nobody_is_invited_twice() {
        open(CLOSES);
        assertThat(survey.run()).isEqualTo(1);
        assertThat(survey.run()).isZero();
        world.dispatch();
        world.notices.markScheduled("round-1", 0);
        assertThat(survey.run()).as("scheduling again finds everything there").isEqualTo(1);
        world.dispatch();

        assertThat(kindsPushedTo(annasPhone)).containsExactly("survey-invitation");
    }

    @Test
    void no_rounds_no_invitations() {
        assertThat(new SurveyReminders(NoSurveyRounds.INSTANCE, world.reminders, world.notices, world.clock).run()).isZero();
        assertThat(world.dispatch()).isZero();
    }
}
