package dk.mitforlob.platform.http;

import java.util.List;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/** The RFC 9457 problem document every error response carries. */
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://mitforlob.dk/problems/";

    /** At most this many offending fields are listed; {@code detail} tells how many there are. */
    static final int MAX_ERRORS = 100;
    static final int MAX_DETAIL = 4000;

    public Problem {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        errors = errors == null || errors.isEmpty() ? null
                : List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
    }

    public static Problem of(Rejection rejection, String instance, String requestId) {
        return new Problem(TYPE_BASE + rejection.code(), rejection.kind().title(), rejection.status(),
                rejection.detail(), rejection.code(), instance, requestId, rejection.errors());
    }

    /** The same problem answered with another status, e.g. one the transport chose. */
    Problem withStatus(int actual) {
        return actual == status ? this : new Problem(type, io.helidon.http.Status.create(actual).reasonPhrase(), actual,
                detail, code, instance, requestId, errors);
    }
}
