package dk.mitforlob.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.plan.PlanChange;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.plan.PublicationListener;

/**
 * Turns published plan versions into reminders: the meetings' reminders (rescheduled when a
 * meeting moves, withdrawn when it is called off, with a notice instead), one "plan updated" per
 * version — or one for several versions the same caseworker or case system publishes within ten
 * minutes of the first (someone editing in bursts) — and the weekly paid-hours nudge while the plan
 * has paid hours.
 *
 * <p>Crash-safe without transactions: before a version is stored it is announced here; once its
 * reminders are scheduled the announcement is cleared. If the process dies in between,
 * {@link PlanCatchUp} finds the announcement and does the work again. Every step is idempotent
 * (reminders are keyed by what they are about), so doing it twice changes nothing.
 */
public final class PlanReminders implements PublicationListener {

    static final Duration GROUPING = Duration.ofMinutes(10);
    /** Nobody needs to hear of a plan change a week late; by then they have opened the app. */
    static final Duration PLAN_NOTICE_LIFETIME = Duration.ofDays(7);
    static final String PLAN_DEEP_LINK = "mitforlob://plan";
    private static final Set<ReminderKind> MEETING_KINDS =
            EnumSet.of(ReminderKind.MEETING_TOMORROW, ReminderKind.MEETING_IN_TWO_HOURS);

    private final ReminderRepository reminders;
    private final PlanNoticeRepository notices;
    private final HoursNudges nudges;
    private final Clock clock;

    public PlanReminders(ReminderRepository reminders, PlanNoticeRepository notices, HoursNudges nudges, Clock clock) {
        this.reminders = reminders;
        this.notices = notices;
        this.nudges = nudges;
        this.clock = clock;
    }

    @Override
    public void publishing(Citizen citizen, long version) {
        notices.announce(citizen.id(), version, clock.instant());
    }

    @Override
    public void published(Citizen citizen, PlanVersion version) {
        reconcile(citizen.id(), List.of(version));
    }

    /**
     * Brings the citizen's reminders up to {@code versions} (oldest first, the last the current one).
     * Versions already done are passed over; the meetings of the last one decide which meeting
     * reminders stand.
     */
    void reconcile(String citizenId, List<PlanVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        PlanNoticeRepository.State state = notices.state(citizenId)
                .orElse(new PlanNoticeRepository.State(citizenId, 0, Optional.empty()));
        long done = state.reconciledVersion();
        Optional<PlanNoticeRepository.Group> group = state.group();
        for (PlanVersion version : versions) {
            if (version.version() <= done) {
                continue;
            }
            cancelledMeetings(citizenId, version, now);
            String author = version.author().role() + ":" + version.author().subject();
            // by publication time, not by the clock, so that a catch-up later decides the same way
            boolean sameBurst = group.isPresent() && group.get().author().equals(author)
                    && version.publishedAt().isBefore(group.get().start().plus(GROUPING));
            if (!sameBurst) {
                reminders.schedule(planUpdated(citizenId, version), now);
                group = Optional.of(new PlanNoticeRepository.Group(version.publishedAt(), author));
            }
        }
        PlanVersion latest = versions.getLast();
        if (latest.version() >= done) {
            meetings(citizenId, latest, now);
            if (HoursNudges.hasPaidActivityFrom(latest.plan(), LocalDate.ofInstant(now, HoursNudges.COPENHAGEN))) {
                nudges.scheduleFrom(citizenId, now);
            }
        }
        notices.reconciled(citizenId, Math.max(done, latest.version()), group);
    }

    private void meetings(String citizenId, PlanVersion version, Instant now) {
        Set<String> keep = new HashSet<>();
        version.plan().meetings().forEach(meeting -> MeetingReminders.of(citizenId, meeting, now).forEach(reminder -> {
            reminders.schedule(reminder, now);
            keep.add(reminder.key());
        }));
        reminders.withdrawExcept(citizenId, MEETING_KINDS, keep, now);
    }

    private void cancelledMeetings(String citizenId, PlanVersion version, Instant now) {
        version.changes().stream()
                .filter(change -> change.item() == PlanChange.Item.MEETING && change.kind() == PlanChange.Kind.CANCELLED)
                .forEach(change -> version.plan().meeting(change.itemId())
                        .flatMap(meeting -> MeetingReminders.cancelled(citizenId, meeting, now))
                        .ifPresent(notice -> reminders.schedule(notice, now)));
    }

    private static Reminder planUpdated(String citizenId, PlanVersion version) {
        return Reminder.due(citizenId, ReminderKind.PLAN_UPDATED, Long.toString(version.version()),
                Long.toString(version.version()), version.publishedAt(),
                version.publishedAt().plus(PLAN_NOTICE_LIFETIME), ReminderTexts.planUpdated(version.version() == 1),
                PLAN_DEEP_LINK, Optional.empty());
    }
}
