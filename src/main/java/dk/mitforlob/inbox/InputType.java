package dk.mitforlob.inbox;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The kinds of input a citizen sends their job centre. */
public enum InputType implements Codes.Coded {
    PLAN_STEP_ADDED("plan-step-added"),
    PLAN_STEP_DONE("plan-step-done"),
    ACTIVITY_COMMENT("activity-comment"),
    MEETING_COMMENT("meeting-comment"),
    MEETING_OBJECTION("meeting-objection"),
    HOURS_REGISTERED("hours-registered"),
    HOURS_CORRECTED("hours-corrected"),
    HOURS_WITHDRAWN("hours-withdrawn"),
    WISHES_CHANGED("wishes-changed");

    private final String code;

    InputType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<InputType> fromCode(String code) {
        return Codes.find(InputType.class, code);
    }
}
