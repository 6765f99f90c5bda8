package dk.mitforlob.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * The position after the last item of a page, handed to clients as an opaque string. Clients must
 * not build or parse it; it is only valid for the list that issued it.
 */
public record PageCursor(String kind, List<String> values) {

    private static final char SEPARATOR = '\u001f';

    public PageCursor {
        values = List.copyOf(values);
    }

    public static PageCursor of(String kind, String... values) {
        return new PageCursor(kind, List.of(values));
    }

    public String encode() {
        String joined = kind + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor issued for a list of {@code kind} with {@code size} values; 400 for anything else. */
    public static PageCursor decode(String cursor, String kind, int size) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() == size + 1 && parts.getFirst().equals(kind)) {
                return new PageCursor(kind, parts.subList(1, parts.size()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the rejection below
        }
        throw Rejection.badRequest("invalid-cursor", "The cursor was not issued for this list")
                .withErrors(List.of(new FieldError("cursor", "was not issued for this list")));
    }

    public String value(int index) {
        return values.get(index);
    }
}
