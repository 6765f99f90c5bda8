package dk.mitforlob.reminders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The kinds of notification the service sends; the code is the {@code kind} of the push payload. */
public enum ReminderKind implements Codes.Coded {
    MEETING_TOMORROW("meeting-tomorrow"),
    MEETING_IN_TWO_HOURS("meeting-in-two-hours"),
    MEETING_CANCELLED("meeting-cancelled"),
    PLAN_UPDATED("plan-updated"),
    HOURS_NUDGE("hours-nudge"),
    SURVEY_INVITATION("survey-invitation"),
    SURVEY_REMINDER("survey-reminder");

    private final String code;

    ReminderKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReminderKind fromCode(String code) {
        return Codes.parse(ReminderKind.class, code);
    }

    /** Quiet hours hold every push but this one: a reminder two hours ahead is useless in the morning. */
    public boolean heldByQuietHours() {
        return this != MEETING_IN_TWO_HOURS;
    }

    /** Whether the push should wake the phone at once (high priority) rather than when convenient. */
    public boolean urgent() {
        return this == MEETING_IN_TWO_HOURS || this == MEETING_CANCELLED;
    }

    public boolean aboutAMeeting() {
        return this == MEETING_TOMORROW || this == MEETING_IN_TWO_HOURS || this == MEETING_CANCELLED;
    }

    public boolean aboutASurvey() {
        return this == SURVEY_INVITATION || this == SURVEY_REMINDER;
    }
}
