package dk.mitforlob.platform.http;

import java.util.List;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/** The RFC 9457 problem document every error response carries. */
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://mitforlob.dk/problems/";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
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
