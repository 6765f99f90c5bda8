package dk.mitforlob.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** What a goal aims at. */
public enum GoalType implements Codes.Coded {
    WORK("work"),
    EDUCATION("education");

    private final String code;

    GoalType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static GoalType fromCode(String code) {
        return Codes.parse(GoalType.class, code);
    }
}
