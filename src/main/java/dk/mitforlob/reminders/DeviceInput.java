package dk.mitforlob.reminders;

import java.util.regex.Pattern;

import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.errors.Validation;

/** What the app sends to register a device. */
public record DeviceInput(String token, DevicePlatform platform, String appVersion, Language language) {

    /** FCM registration tokens are URL-safe base64 with a colon; far shorter than this in practice. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.-]{16,4096}");
    static final Pattern APP_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");

    void validate() {
        Validation v = Validation.of();
        if (v.required("token", token)) {
            v.matches("token", token, TOKEN, "must be an FCM registration token (16-4096 of A-Za-z0-9_:.-)");
        }
        v.required("platform", platform);
        if (v.required("appVersion", appVersion)) {
            v.matches("appVersion", appVersion, APP_VERSION, "must be 1-32 of A-Za-z0-9.+-, e.g. 2.3.1");
        }
        v.required("language", language);
        v.throwIfInvalid();
    }
}
