package dk.mitforlob.wishes;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** What the evaluators' tables put citizens into groups by. */
public enum GroupBy implements Codes.Coded {
    MUNICIPALITY("municipality"),
    PROGRAMME("programme");

    private final String code;

    GroupBy(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<GroupBy> fromCode(String code) {
        return Codes.find(GroupBy.class, code);
    }
}
