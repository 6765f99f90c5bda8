package dk.mitforlob.platform.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.Rejection;

/**
 * Versioned documents carry their version as a strong ETag, {@code "7"}. Reads honour
 * {@code If-None-Match} (a phone re-polling gets a cheap 304); writes demand {@code If-Match}
 * (428 without it, 412 when someone else wrote first).
 */
public final class Etags {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** An ETag for a view composed of several documents: a digest of exactly what is sent. */
    public static String ofContent(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"c" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the ETag; when the client already has this version, answers 304 and returns true. */
    public static boolean answeredNotModified(ServerRequest req, ServerResponse res, String etag) {
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        boolean matches = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(value -> value.equals("*") || Arrays.stream(value.split(","))
                        .map(String::strip)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(etag::equals))
                .orElse(false);
        if (matches) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
        }
        return matches;
    }

    /** The version the client read and means to replace, from {@code If-Match}. */
    public static long requiredIfMatch(ServerRequest req) {
        String value = req.headers().first(HeaderNames.IF_MATCH).orElseThrow(() -> new Rejection(
                Rejection.Kind.PRECONDITION_REQUIRED, "if-match-required",
                "Send If-Match with the ETag of the version you read, so that no one else's change is overwritten"));
        Matcher matcher = VERSION_TAG.matcher(value.strip());
        if (!matcher.matches()) {
            throw Rejection.badRequest("invalid-if-match", "If-Match must be the ETag you read, e.g. \"7\"");
        }
        return Long.parseLong(matcher.group(1));
    }

}
