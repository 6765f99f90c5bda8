package dk.mitforlob.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.plan.Meeting;
import dk.mitforlob.plan.Plan;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.survey.SurveyInvitations;

/**
 * The last look before a reminder goes out, at the source of truth rather than at what was true
 * when it was scheduled: the meeting still at that time and not called off, the week still without
 * registered hours, the survey still unanswered and open. Whatever slipped past the scheduling
 * (a version published by an instance that died before rescheduling) is caught here.
 */
public final class ReminderChecks {

    private final Citizens citizens;
    private final Plans plans;
    private final PaidHours paidHours;
    private final SurveyInvitations rounds;

    public ReminderChecks(Citizens citizens, Plans plans, PaidHours paidHours, SurveyInvitations rounds) {
        this.citizens = citizens;
        this.plans = plans;
        this.paidHours = paidHours;
        this.rounds = rounds;
    }

    /** Whether a reminder is still to be given, and if not, why. */
    public record Verdict(Optional<String> skipReason) {
        static final Verdict GIVE = new Verdict(Optional.empty());

        static Verdict skip(String reason) {
            return new Verdict(Optional.of(reason));
        }

        public boolean give() {
            return skipReason.isEmpty();
        }
    }

    /** The verdict on each reminder of a batch, by key; each citizen's plan and hours are read once. */
    Map<String, Verdict> check(List<Reminder> batch, Instant now) {
        Map<String, Citizen> people = citizens.byIds(batch.stream().map(Reminder::citizenId).distinct().toList());
        Map<String, Plan> planOf = new HashMap<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Reminder reminder : batch) {
            Citizen citizen = people.get(reminder.citizenId());
            Verdict verdict;
            if (citizen == null) {
                verdict = Verdict.skip("citizen-not-enrolled");
            } else if (!now.isBefore(reminder.expiresAt())) {
                verdict = Verdict.skip(reminder.kind().aboutASurvey() ? "round-closed" : "expired");
            } else {
                Function<Citizen, Plan> plan = c -> planOf.computeIfAbsent(c.id(), id -> plans.of(c).plan());
                verdict = switch (reminder.kind()) {
                    case MEETING_TOMORROW, MEETING_IN_TWO_HOURS, MEETING_CANCELLED ->
                            meeting(reminder, plan.apply(citizen).meeting(reminder.subjectId()));
                    case HOURS_NUDGE -> {
                        LocalDate monday = NudgeTime.mondayOf(reminder.dueAt(), HoursNudges.COPENHAGEN);
                        yield HoursNudges.reasonNotToNudge(plan.apply(citizen), daysWithHours(citizen, monday), monday)
                                .map(Verdict::skip).orElse(Verdict.GIVE);
                    }
                    case SURVEY_INVITATION, SURVEY_REMINDER -> rounds.hasAnswered(reminder.subjectId(), citizen.id())
                            ? Verdict.skip("answered") : Verdict.GIVE;
                    case PLAN_UPDATED -> Verdict.GIVE;
                };
            }
            verdicts.put(reminder.key(), verdict);
        }
        return verdicts;
    }

    /** Whether the plan still has a paid-hours activity from {@code day} on, so the weekly nudges go on. */
    boolean nudgesGoOn(String citizenId, LocalDate day) {
        return citizens.byId(citizenId).map(c -> HoursNudges.hasPaidActivityFrom(plans.of(c).plan(), day))
                .orElse(false);
    }

    private static Verdict meeting(Reminder reminder, Optional<Meeting> meeting) {
        boolean cancelledNotice = reminder.kind() == ReminderKind.MEETING_CANCELLED;
        boolean stands = meeting.isPresent() && meeting.get().cancelled() == cancelledNotice
                && reminder.meetingStart().equals(Optional.of(meeting.get().start()));
        return stands ? Verdict.GIVE : Verdict.skip("withdrawn");
    }

    /** The days of the week's registrations (one is enough to know): a read of at most two month documents. */
    private List<LocalDate> daysWithHours(Citizen citizen, LocalDate monday) {
        return paidHours.registrations(citizen, monday, monday.plusDays(6), false, Optional.empty(), 1).items().stream()
                .map(registration -> registration.current().date())
                .toList();
    }
}
