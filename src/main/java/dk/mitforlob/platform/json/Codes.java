package dk.mitforlob.platform.json;

import java.util.Arrays;
import java.util.Optional;

/**
 * Enums the API shows by a stable code ({@code "work-placement"}, {@code "hours-registered"}) and
 * their lookup. An unknown code fails in the creator, which {@link Json} reports as a 422 naming the
 * field and the allowed values.
 */
public final class Codes {

    private Codes() {
    }

    /** An enum constant with its API code. */
    public interface Coded {
        String code();
    }

    /** The constant with this code; {@link IllegalArgumentException} for any other. */
    public static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        return find(type, code)
                .orElseThrow(() -> new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + code));
    }

    public static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
