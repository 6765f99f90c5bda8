package dk.mitforlob.citizen;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The language a citizen reads the app and notifications in. */
public enum Language {
    DA("da"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Language fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown language " + code));
    }
}
