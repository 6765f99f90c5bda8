package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.plan.Meeting;

/** When meetings are reminded of: the day before at 17:00 and two hours before, also across the clock changes. */
class MeetingRemindersTest {

    private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Reminder> remindersOf(Instant start, Instant now) {
        return MeetingReminders.of("citizen", ReminderWorld.meeting("m1", start), now);
    }

    @Test
    void a_meeting_is_reminded_of_the_day_before_at_17_and_two_hours_before() {
        Instant start = Instant.parse("2026-11-25T09:00:00Z"); // 10:00 in Copenhagen

        List<Reminder> reminders = remindersOf(start, LONG_BEFORE);

        assertThat(reminders).extracting(Reminder::kind, Reminder::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReminderKind.MEETING_TOMORROW, Instant.parse("2026-11-24T16:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(ReminderKind.MEETING_IN_TWO_HOURS, Instant.parse("2026-11-25T07:00:00Z")));
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.expiresAt()).isEqualTo(start);
            assertThat(r.meetingStart()).contains(start);
            assertThat(r.deepLink()).isEqualTo("mitforlob://plan/meetings/m1");
        });
        assertThat(reminders.getFirst().texts().da().body()).isEqualTo(
                "Du har et møde i morgen kl. 10:00. Se detaljerne i Mit Forløb.");
        assertThat(reminders.getLast().texts().en().body()).isEqualTo(
                "Your meeting starts at 10:00. See the details in Mit Forløb.");
    }

    @Test
    void the_day_before_is_17_on_the_wall_clock_also_when_the_clocks_change_that_night() {
        // meeting Monday 30 March 2026 10:00 CEST; the day before, 17:00 is already summer time
        assertThat(remindersOf(Instant.parse("2026-03-30T08:00:00Z"), LONG_BEFORE).getFirst().dueAt())
                .isEqualTo(Instant.parse("2026-03-29T15:00:00Z"));
        // meeting Monday 26 October 2026 10:00 CET; the day before, 17:00 is already winter time
        assertThat(remindersOf(Instant.parse("2026-10-26T09:00:00Z"), LONG_BEFORE).getFirst().dueAt())
                .isEqualTo(Instant.parse("2026-10-25T16:00:00Z"));
        // meeting on the switch day itself, Sunday 29 March 10:00 CEST: the day before 17:00 is winter time
        assertThat(remindersOf(Instant.parse("2026-03-29T08:00:00Z"), LONG_BEFORE).getFirst().dueAt())
                .isEqualTo(Instant.parse("2026-03-28T16:00:00Z"));
    }

    @Test
    void two_hours_before_a_meeting_just_after_the_spring_switch_is_two_real_hours() {
        // 04:00 CEST on 29 March is 02:00Z; two hours before is 00:00Z (01:00 CET)
        assertThat(remindersOf(Instant.parse("2026-03-29T02:00:00Z"), LONG_BEFORE).getLast().dueAt())
                .isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    }

    @Test
    void reminders_whose_time_has_passed_are_not_made() {
        Instant start = Instant.parse("2026-11-25T09:00:00Z");

        assertThat(remindersOf(start, Instant.parse("2026-11-24T16:00:00Z"))).extracting(Reminder::kind)
                .containsExactly(ReminderKind.MEETING_IN_TWO_HOURS);
        assertThat(remindersOf(start, Instant.parse("2026-11-25T07:00:00Z"))).isEmpty();
        assertThat(remindersOf(start, start.plusSeconds(1))).isEmpty();
    }

    @Test
    void a_cancelled_meeting_gets_a_notice_instead_while_it_is_still_ahead() {
        Meeting cancelled = ReminderWorld.cancelled(ReminderWorld.meeting("m1", Instant.parse("2026-11-25T09:00:00Z")));

        assertThat(MeetingReminders.of("citizen", cancelled, LONG_BEFORE)).isEmpty();
        assertThat(MeetingReminders.cancelled("citizen", cancelled, LONG_BEFORE)).hasValueSatisfying(notice -> {
            assertThat(notice.kind()).isEqualTo(ReminderKind.MEETING_CANCELLED);
            assertThat(notice.dueAt()).isEqualTo(LONG_BEFORE);
            assertThat(notice.texts().da().body()).isEqualTo("Mødet d. 25. november kl. 10:00 er aflyst. Se din plan i Mit Forløb.");
        });
        assertThat(MeetingReminders.cancelled("citizen", cancelled, Instant.parse("2026-11-25T09:00:00Z"))).isEmpty();
    }

    @Test
    void the_lock_screen_text_names_no_purpose_place_or_person() {
        Meeting meeting = ReminderWorld.meeting("m1", Instant.parse("2026-11-25T09:00:00Z"));

        for (Reminder reminder : MeetingReminders.of("citizen", meeting, LONG_BEFORE)) {
            for (Texts.Text text : List.of(reminder.texts().da(), reminder.texts().en())) {
                assertThat(text.title() + " " + text.body()).doesNotContain(meeting.purpose(), meeting.place(),
                        meeting.withWhom(), "helbred");
            }
        }
    }

    @Test
    void a_moved_meeting_gets_reminders_of_other_keys() {
        Instant start = Instant.parse("2026-11-25T09:00:00Z");

        List<String> before = remindersOf(start, LONG_BEFORE).stream().map(Reminder::key).toList();
        List<String> after = remindersOf(start.plusSeconds(3600), LONG_BEFORE).stream().map(Reminder::key).toList();

        assertThat(before).doesNotContainAnyElementsOf(after);
        assertThat(remindersOf(start, LONG_BEFORE).getFirst().notificationId()).matches("[0-9a-z]{20}")
                .isNotEqualTo(remindersOf(start.plusSeconds(3600), LONG_BEFORE).getFirst().notificationId());
    }
}
