package dk.mitforlob.reminders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.survey.SurveyInvitations;

/**
 * Invitations to answer a survey round, and at most two reminders: the invitation when the round
 * opens, reminders three and seven days later if the round is still open a day after that. Whether
 * each is given is decided at its time: not to someone who has answered, not after the round closed.
 * Run periodically; rounds whose invitations are all scheduled are passed over.
 */
public final class SurveyReminders {

    static final List<Duration> REMINDERS_AFTER = List.of(Duration.ofDays(3), Duration.ofDays(7));
    /** A reminder this close to the end would come too late to act on. */
    static final Duration LAST_REMINDER_BEFORE_CLOSE = Duration.ofDays(1);
    private static final int BATCH = 1000;

    private final SurveyInvitations rounds;
    private final ReminderRepository reminders;
    private final RoundMarks marks;
    private final Clock clock;

    public SurveyReminders(SurveyInvitations rounds, ReminderRepository reminders, RoundMarks marks, Clock clock) {
        this.rounds = rounds;
        this.reminders = reminders;
        this.marks = marks;
        this.clock = clock;
    }

    /** Schedules what open rounds need; how many rounds it looked at anew. */
    public int run() {
        Instant now = clock.instant();
        int scheduled = 0;
        for (SurveyInvitations.OpenRound round : rounds.openRounds(now)) {
            if (!round.closesAt().isAfter(now) || marks.scheduled(round.roundId()) == round.invitedCitizenIds().size()) {
                continue;
            }
            List<Reminder> batch = new java.util.ArrayList<>();
            for (String citizenId : round.invitedCitizenIds()) {
                batch.addAll(of(citizenId, round));
                if (batch.size() >= BATCH) {
                    reminders.scheduleAll(batch, now);
                    batch.clear();
                }
            }
            reminders.scheduleAll(batch, now);
            marks.markScheduled(round.roundId(), round.invitedCitizenIds().size());
            scheduled++;
        }
        return scheduled;
    }

    /** The invitation and the reminders of one invited citizen. */
    static List<Reminder> of(String citizenId, SurveyInvitations.OpenRound round) {
        String link = deepLink(round.roundId());
        List<Reminder> all = new java.util.ArrayList<>();
        all.add(Reminder.due(citizenId, ReminderKind.SURVEY_INVITATION, round.roundId(), round.roundId(),
                round.opensAt(), round.closesAt(), ReminderTexts.surveyInvitation(round.titleByLanguage()), link,
                Optional.empty()));
        for (int i = 0; i < REMINDERS_AFTER.size(); i++) {
            Instant due = round.opensAt().plus(REMINDERS_AFTER.get(i));
            if (due.plus(LAST_REMINDER_BEFORE_CLOSE).isAfter(round.closesAt())) {
                break;
            }
            all.add(Reminder.due(citizenId, ReminderKind.SURVEY_REMINDER, round.roundId(),
                    round.roundId() + ":" + (i + 1), due, round.closesAt(),
                    ReminderTexts.surveyReminder(round.titleByLanguage()), link, Optional.empty()));
        }
        return all;
    }

    static String deepLink(String roundId) {
        return "mitforlob://surveys/" + URLEncoder.encode(roundId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
