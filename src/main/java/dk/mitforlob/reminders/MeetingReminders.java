package dk.mitforlob.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.plan.Meeting;

/**
 * When a meeting is reminded of: the day before at 17:00 and two hours before, on the wall clock
 * in Copenhagen (so "the day before at 17:00" is 17:00 also on the days the clocks change). A
 * reminder whose time has passed when the meeting is published is not made.
 */
final class MeetingReminders {

    static final ZoneId COPENHAGEN = ReminderTexts.COPENHAGEN;
    static final LocalTime DAY_BEFORE_AT = LocalTime.of(17, 0);
    static final Duration SOON = Duration.ofHours(2);

    private MeetingReminders() {
    }

    static List<Reminder> of(String citizenId, Meeting meeting, Instant now) {
        List<Reminder> reminders = new ArrayList<>();
        if (meeting.cancelled() || !meeting.start().isAfter(now)) {
            return reminders;
        }
        ZonedDateTime start = meeting.start().atZone(COPENHAGEN);
        Instant dayBefore = ZonedDateTime.of(start.toLocalDate().minusDays(1), DAY_BEFORE_AT, COPENHAGEN).toInstant();
        if (dayBefore.isAfter(now)) {
            reminders.add(reminder(citizenId, ReminderKind.MEETING_TOMORROW, meeting, dayBefore,
                    ReminderTexts.meetingTomorrow(meeting.start())));
        }
        Instant soon = meeting.start().minus(SOON);
        if (soon.isAfter(now)) {
            reminders.add(reminder(citizenId, ReminderKind.MEETING_IN_TWO_HOURS, meeting, soon,
                    ReminderTexts.meetingInTwoHours(meeting.start())));
        }
        return reminders;
    }

    /** The notice that a meeting still ahead was called off, due at once. */
    static Optional<Reminder> cancelled(String citizenId, Meeting meeting, Instant now) {
        if (!meeting.cancelled() || !meeting.start().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(reminder(citizenId, ReminderKind.MEETING_CANCELLED, meeting, now,
                ReminderTexts.meetingCancelled(meeting.start())));
    }

    private static Reminder reminder(String citizenId, ReminderKind kind, Meeting meeting, Instant due, Texts texts) {
        return Reminder.due(citizenId, kind, meeting.id(), meeting.id() + ":" + meeting.start().getEpochSecond(), due,
                meeting.start(), texts, deepLink(meeting.id()), Optional.of(meeting.start()));
    }

    static String deepLink(String meetingId) {
        return "mitforlob://plan/meetings/" + meetingId;
    }
}
