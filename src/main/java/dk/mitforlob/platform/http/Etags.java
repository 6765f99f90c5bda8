package dk.mitforlob.platform.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * Conditional requests as RFC 9110 (§8.8.3, §13.1) defines them. Versioned documents carry their
 * version as a strong ETag, {@code "7"}; composed views a digest. Reads honour {@code If-None-Match}
 * (weak comparison: a phone re-polling gets a cheap 304); writes demand {@code If-Match} (strong
 * comparison: a weak tag never matches). Both take {@code *} or a list of tags; a tag that is
 * well-formed but not current is 412 (or 200 for reads), only a header that does not parse is 400.
 * See docs/decisions/0012.
 */
public final class Etags {

    /** A version no document has: an {@code If-Match} naming none of ours fails against every write. */
    private static final long NO_VERSION = -1;

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

    /** One entity tag of a condition: its opaque value (without quotes) and whether it is weak. */
    record EntityTag(boolean weak, String opaque) {
    }

    /** A parsed {@code If-Match} or {@code If-None-Match}: {@code *} or a list of tags. */
    record Condition(boolean any, List<EntityTag> tags) {
        /** Weak comparison (If-None-Match): the opaque values are equal, weak or not. */
        boolean matchesWeakly(String etag) {
            String opaque = opaque(etag);
            return any || tags.stream().anyMatch(tag -> tag.opaque().equals(opaque));
        }
    }

    /**
     * Sets the ETag (and that the answer must be revalidated); when {@code If-None-Match} names the
     * current one (or is {@code *}), answers 304 and returns true. 400 for a header that does not parse.
     */
    public static boolean answeredNotModified(ServerRequest req, ServerResponse res, String etag) {
        Optional<Condition> condition = condition(req, HeaderNames.IF_NONE_MATCH, "invalid-if-none-match");
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        Method method = req.prologue().method();
        boolean matches = condition.isPresent() && condition.get().matchesWeakly(etag)
                && (method == Method.GET || method == Method.HEAD);
        if (matches) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
        }
        return matches;
    }

    /**
     * The version a write may replace, from {@code If-Match}: 428 without it, 400 if it does not parse.
     * When it names the current version (or is {@code *}) that version is returned; otherwise a version
     * the client named, or one no document has, so that the write's own version check answers 412
     * with the current ETag (and a retry of a write that went through is still recognised as such).
     *
     * @param currentVersion the document's current version; read only for {@code *} or a list of tags
     */
    public static long requiredIfMatch(ServerRequest req, LongSupplier currentVersion) {
        return optionalIfMatch(req, currentVersion).orElseThrow(() -> new Rejection(
                Rejection.Kind.PRECONDITION_REQUIRED, "if-match-required",
                "Send If-Match with the ETag of the version you read, so that no one else's change is overwritten"));
    }

    /** Like {@link #requiredIfMatch}, for writes where {@code If-Match} is optional but honoured when sent. */
    public static OptionalLong optionalIfMatch(ServerRequest req, LongSupplier currentVersion) {
        Optional<Condition> condition = condition(req, HeaderNames.IF_MATCH, "invalid-if-match");
        if (condition.isEmpty()) {
            return OptionalLong.empty();
        }
        if (condition.get().any()) {
            return OptionalLong.of(currentVersion.getAsLong());
        }
        // strong comparison: a weak tag never matches, nor does an opaque value that is not one of our versions
        List<Long> named = condition.get().tags().stream()
                .filter(tag -> !tag.weak() && tag.opaque().matches("\\d{1,18}"))
                .map(tag -> Long.parseLong(tag.opaque()))
                .toList();
        if (named.size() == 1 && condition.get().tags().size() == 1) {
            return OptionalLong.of(named.getFirst());
        }
        long current = currentVersion.getAsLong();
        if (named.contains(current)) {
            return OptionalLong.of(current);
        }
        return OptionalLong.of(named.isEmpty() ? NO_VERSION : named.getFirst());
    }

    /** The condition in every copy of header {@code name}, or empty when none is sent; 400 {@code code} if broken. */
    static Optional<Condition> condition(ServerRequest req, HeaderName name, String code) {
        List<String> values = req.headers().all(name, List::of);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Optional<Condition> parsed = parse(String.join(",", values));
        if (parsed.isEmpty()) {
            throw Rejection.badRequest(code, name.defaultCase() + " must be * or a list of entity tags, e.g. \"7\"")
                    .withErrors(List.of(new FieldError(name.defaultCase(), "is not * or a list of entity tags")));
        }
        return parsed;
    }

    /**
     * {@code "*" / #entity-tag} with {@code entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE} and
     * {@code etagc = %x21 / %x23-7E / obs-text}; empty for anything else.
     */
    static Optional<Condition> parse(String value) {
        if (value.strip().equals("*")) {
            return Optional.of(new Condition(true, List.of()));
        }
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                return Optional.empty();
            }
            int close = open + 1;
            while (close < n && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= n || value.charAt(close) != '"') {
                return Optional.empty();
            }
            tags.add(new EntityTag(weak, value.substring(open + 1, close)));
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return Optional.empty();
            }
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(new Condition(false, tags));
    }

    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static String opaque(String etag) {
        String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
        return strong.substring(1, strong.length() - 1);
    }
}
