package dk.mitforlob.platform.http;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * Refuses, before anyone looks at a request, what no route of the API can mean: a path with dot
 * segments, matrix parameters, encoded slashes or bad escapes; a header that may appear once sent
 * twice (which copy would count?); a body over the limit; a body that is not JSON in UTF-8. Every
 * route, also those added later, gets these checks without doing anything.
 * See docs/decisions/0010.
 */
public final class RequestGuard implements Filter {

    /** Headers whose second copy would be silently ignored by whoever reads the first. */
    private static final List<HeaderName> SINGLE = List.of(HeaderNames.AUTHORIZATION, HeaderNames.CONTENT_TYPE,
            HeaderNames.CONTENT_LENGTH, IdempotentRequests.KEY_HEADER, RequestId.HEADER, HeaderNames.HOST);

    private final BodyLimit limit;

    public RequestGuard(long maxBodyBytes) {
        this.limit = new BodyLimit(maxBodyBytes);
    }

    /** The largest request body the service reads; {@link Exchange} holds every body to it. */
    public record BodyLimit(long bytes) {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        req.context().register(limit);
        try {
            checkPath(req.prologue().uriPath().rawPath());
            checkSingleHeaders(req);
            checkBody(req);
        } catch (Rejection rejection) {
            ProblemResponses.send(req, res, rejection);
            return;
        }
        chain.proceed();
    }

    /**
     * Every segment of the raw path, decoded, must be a plain name: {@code .} and {@code ..} (also
     * as {@code %2e}) would otherwise become ids or be resolved away, {@code ;x=1} would be dropped,
     * and {@code %2F} would make one segment look like two.
     */
    static void checkPath(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            if (segment.indexOf(';') >= 0) {
                throw invalidPath("Matrix parameters (';') are not supported; use query parameters");
            }
            String decoded = decode(segment);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw invalidPath("A path segment must not be '.' or '..'");
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
                    || decoded.chars().anyMatch(Character::isISOControl)) {
                throw invalidPath("A path segment must not contain an encoded slash, a backslash or control characters");
            }
        }
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        StringBuilder decoded = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            if (i + 2 >= segment.length() || Character.digit(segment.charAt(i + 1), 16) < 0
                    || Character.digit(segment.charAt(i + 2), 16) < 0) {
                throw invalidPath("The path has a malformed percent escape");
            }
            // ids are ASCII: every escaped byte is judged as the character it would be on its own
            decoded.append((char) Integer.parseInt(segment.substring(i + 1, i + 3), 16));
            i += 2;
        }
        return decoded.toString();
    }

    private static Rejection invalidPath(String detail) {
        return Rejection.badRequest("invalid-path", detail);
    }

    private static void checkSingleHeaders(RoutingRequest req) {
        for (HeaderName name : SINGLE) {
            if (req.headers().all(name, List::of).size() > 1) {
                throw Rejection.badRequest("duplicate-header", "Send " + name.defaultCase() + " once")
                        .withErrors(List.of(new FieldError(name.defaultCase(), "is sent more than once")));
            }
        }
    }

    private void checkBody(RoutingRequest req) {
        OptionalLong length = req.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > limit.bytes()) {
            Rejection tooLarge = tooLarge(limit.bytes());
            // a client waiting for 100-continue has not sent the body: close instead of waiting for it;
            // any other client is sending it, and the server reads it to the end so the answer reaches it
            boolean expectsContinue = req.headers().first(HeaderNames.EXPECT)
                    .map(v -> v.toLowerCase(Locale.ROOT).contains("100-continue")).orElse(false);
            throw expectsContinue ? tooLarge.withHeader("Connection", "close") : tooLarge;
        }
        if (req.content().hasEntity() && req.prologue().uriPath().path().startsWith("/api/")) {
            JsonMediaType.require(req);
        }
    }

    static Rejection tooLarge(long limit) {
        return new Rejection(Rejection.Kind.PAYLOAD_TOO_LARGE, "payload-too-large",
                "The request body is larger than the " + limit + " bytes this service accepts");
    }
}
