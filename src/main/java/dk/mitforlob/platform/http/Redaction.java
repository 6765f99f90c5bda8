package dk.mitforlob.platform.http;

import java.util.regex.Pattern;

/**
 * Masks anything CPR-shaped in text the service itself writes out (log lines, the {@code instance}
 * of a problem). The API never puts a CPR number in a URL, but a client might; it must not then be
 * copied into logs or responses.
 */
public final class Redaction {

    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

    private Redaction() {
    }

    public static String path(String path) {
        return path == null ? null : CPR_SHAPED.matcher(path).replaceAll("[redacted]");
    }
}
