package dk.mitforlob.wishes;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the evaluators' tables put citizens into groups by. */
public enum GroupBy {
    MUNICIPALITY("municipality"),
    PROGRAMME("programme");

    private final String code;

    GroupBy(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<GroupBy> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
