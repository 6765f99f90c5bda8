package dk.mitforlob.citizen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The language a citizen reads the app and notifications in. */
public enum Language implements Codes.Coded {
    DA("da"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Language fromCode(String code) {
        return Codes.parse(Language.class, code);
    }
}
