package dk.mitforlob.reminders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The phone's operating system; FCM delivers to both, each with its own options. */
public enum DevicePlatform implements Codes.Coded {
    ANDROID("android"),
    IOS("ios");

    private final String code;

    DevicePlatform(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DevicePlatform fromCode(String code) {
        return Codes.parse(DevicePlatform.class, code);
    }
}
