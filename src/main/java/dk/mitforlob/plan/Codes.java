package dk.mitforlob.plan;

import java.util.Arrays;

/** Looks up an enum constant by its API code; unknown codes fail the way Jackson reports as 422. */
final class Codes {

    private Codes() {
    }

    interface Coded {
        String code();
    }

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + code));
    }
}
