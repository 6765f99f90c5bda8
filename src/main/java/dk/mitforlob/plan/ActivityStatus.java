package dk.mitforlob.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** Where an activity stands. */
public enum ActivityStatus implements Codes.Coded {
    PLANNED("planned"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String code;

    ActivityStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ActivityStatus fromCode(String code) {
        return Codes.parse(ActivityStatus.class, code);
    }
}
