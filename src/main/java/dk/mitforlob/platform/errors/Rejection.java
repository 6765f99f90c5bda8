package dk.mitforlob.platform.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request refused for a reason the client can act on. Domain and HTTP code alike throw it;
 * {@code ProblemResponses} turns it into RFC 9457 problem+json in one place. The {@code code} is
 * stable: the app switches on it, so never rename one (mobile-contract/README.md lists them).
 */
public class Rejection extends RuntimeException {

    /** What kind of refusal this is; the HTTP status follows from it. */
    public enum Kind {
        BAD_REQUEST(400, "Bad request"),
        UNAUTHORIZED(401, "Unauthorized"),
        FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not found"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        CONFLICT(409, "Conflict"),
        PRECONDITION_FAILED(412, "Precondition failed"),
        PAYLOAD_TOO_LARGE(413, "Payload too large"),
        URI_TOO_LONG(414, "URI too long"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        UNPROCESSABLE(422, "Unprocessable content"),
        PRECONDITION_REQUIRED(428, "Precondition required"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        HEADERS_TOO_LARGE(431, "Request header fields too large"),
        INTERNAL(500, "Internal server error"),
        UNAVAILABLE(503, "Service unavailable");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public Rejection(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of(), Map.of());
    }

    private Rejection(Kind kind, String code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static Rejection badRequest(String code, String detail) {
        return new Rejection(Kind.BAD_REQUEST, code, detail);
    }

    public static Rejection notFound(String code, String detail) {
        return new Rejection(Kind.NOT_FOUND, code, detail);
    }

    public static Rejection forbidden(String code, String detail) {
        return new Rejection(Kind.FORBIDDEN, code, detail);
    }

    public static Rejection conflict(String code, String detail) {
        return new Rejection(Kind.CONFLICT, code, detail);
    }

    public static Rejection unprocessable(String code, String detail) {
        return new Rejection(Kind.UNPROCESSABLE, code, detail);
    }

    /** 412: someone changed a versioned document since the caller read it; the current version goes back as ETag. */
    public static Rejection versionConflict(String what, long currentVersion) {
        return new Rejection(Kind.PRECONDITION_FAILED, "version-conflict", what + " changed since you read it (now version "
                + currentVersion + "); read it again and redo your change")
                .withHeader("ETag", "\"" + currentVersion + "\"");
    }

    /** 422 with the offending fields named. */
    public static Rejection invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid: "
                        + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new Rejection(Kind.UNPROCESSABLE, "validation-failed", detail, errors, Map.of());
    }

    public static Rejection invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** The same refusal, also naming the offending fields. */
    public Rejection withErrors(List<FieldError> fieldErrors) {
        return new Rejection(kind, code, getMessage(), fieldErrors, headers);
    }

    /** The same refusal with a response header, e.g. {@code Allow} or {@code Retry-After}. */
    public Rejection withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Rejection(kind, code, getMessage(), errors, more);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
