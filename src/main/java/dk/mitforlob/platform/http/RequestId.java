package dk.mitforlob.platform.http;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** The id that ties a response to its log lines; the client's own {@code X-Request-Id} when it sends a sane one. */
public record RequestId(String value) {

    public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");

    /** Printable, no spaces, bounded: a client-chosen id must not be able to forge or flood log lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static RequestId fromClientOrNew(String clientValue) {
        if (clientValue != null && ACCEPTABLE.matcher(clientValue).matches()) {
            return new RequestId(clientValue);
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new RequestId(HexFormat.of().formatHex(bytes));
    }

    /** The id of the request being handled, also when a filter before ours failed. */
    public static String of(ServerRequest request) {
        return request.context().get(RequestId.class)
                .map(RequestId::value)
                .orElseGet(() -> fromClientOrNew(request.headers().first(HEADER).orElse(null)).value());
    }
}
