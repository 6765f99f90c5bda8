package dk.mitforlob.platform.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * The one media type request bodies may have: {@code application/json}, in any letter case,
 * optionally with {@code charset=utf-8} (RFC 8259 knows no other). Everything else is refused with
 * 415 rather than guessed at: other charsets (the body would be decoded wrongly), {@code +json}
 * types such as {@code application/merge-patch+json} or {@code application/problem+json} (they
 * mean something this API does not do), unknown parameters, and headers that do not parse.
 */
public final class JsonMediaType {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")((?:[ \\t]*;[ \\t]*"
            + TOKEN + "=(?:" + TOKEN + "|\"[^\"\\\\]*\"))*)[ \\t]*");
    private static final Pattern PARAMETER = Pattern.compile(";[ \\t]*(" + TOKEN + ")=(" + TOKEN + "|\"[^\"\\\\]*\")");

    private JsonMediaType() {
    }

    /** Refuses (415) a request whose {@code Content-Type} is missing or anything but JSON in UTF-8. */
    public static void require(ServerRequest req) {
        List<String> values = req.headers().all(HeaderNames.CONTENT_TYPE, List::of);
        if (values.isEmpty()) {
            throw unsupported("The request body must be sent with Content-Type: application/json");
        }
        check(values);
    }

    /** Refuses (415) every value but JSON in UTF-8; several Content-Type headers are one too many (400). */
    static void check(List<String> values) {
        if (values.size() > 1) {
            throw Rejection.badRequest("duplicate-header", "Send Content-Type once")
                    .withErrors(List.of(new FieldError("Content-Type", "is sent more than once")));
        }
        Matcher matcher = MEDIA_TYPE.matcher(values.getFirst());
        if (!matcher.matches()) {
            throw unsupported("The Content-Type header is malformed; send application/json");
        }
        if (!matcher.group(1).equalsIgnoreCase("application") || !matcher.group(2).equalsIgnoreCase("json")) {
            throw unsupported("The request body must be application/json, not "
                    + matcher.group(1).toLowerCase(Locale.ROOT) + "/" + matcher.group(2).toLowerCase(Locale.ROOT));
        }
        Matcher parameter = PARAMETER.matcher(matcher.group(3));
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = parameter.group(2).replace("\"", "");
            if (!name.equalsIgnoreCase("charset")) {
                throw unsupported("application/json takes no parameter '" + name + "'");
            }
            if (!value.equalsIgnoreCase("utf-8")) {
                throw unsupported("JSON is UTF-8 only; charset " + value + " is not supported");
            }
        }
    }

    private static Rejection unsupported(String detail) {
        return new Rejection(Rejection.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail);
    }
}
