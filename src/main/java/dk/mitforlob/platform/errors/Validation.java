package dk.mitforlob.platform.errors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before refusing it, so the app can show them all at once.
 * Fields are named by JSON path; {@link #at(String, Consumer)} nests a path for sub-objects.
 */
public final class Validation {

    /** Dates outside these years are typing mistakes or probes, never a real day in a programme. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final String prefix;
    private final List<FieldError> errors;

    private Validation(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    public static Validation of() {
        return new Validation("", new ArrayList<>());
    }

    public Validation error(String field, String message) {
        errors.add(new FieldError(path(field), message));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            error(field, "is required");
            return false;
        }
        return true;
    }

    /** Optional text: when present, not blank and at most {@code max} characters. */
    public Validation text(String field, String value, int max) {
        if (value != null) {
            if (value.isBlank()) {
                error(field, "must not be blank");
            } else if (value.codePointCount(0, value.length()) > max) {
                error(field, "must be at most " + max + " characters");
            } else if (hasControlCharacters(value)) {
                error(field, "must not contain control characters");
            }
        }
        return this;
    }

    public Validation requiredText(String field, String value, int max) {
        if (required(field, value)) {
            text(field, value, max);
        }
        return this;
    }

    public Validation matches(String field, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            error(field, message);
        }
        return this;
    }


    public Validation maxItems(String field, Collection<?> items, int max) {
        if (items != null && items.size() > max) {
            error(field, "must have at most " + max + " items");
        }
        return this;
    }

    /** A date, when present, within {@link #EARLIEST} and {@link #LATEST}. */
    public Validation date(String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            error(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return this;
    }

    /** An instant, when present, within {@link #EARLIEST} and {@link #LATEST}. */
    public Validation instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))
                || value.isAfter(LATEST.atStartOfDay().toInstant(ZoneOffset.UTC)))) {
            error(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return this;
    }

    public Validation notBefore(String laterField, LocalDate earlier, LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            error(laterField, "must not be before " + earlier);
        }
        return this;
    }

    /** Validates a nested object under {@code field}, e.g. {@code employer} → {@code employer.cvr}. */
    public Validation at(String field, Consumer<Validation> nested) {
        nested.accept(new Validation(path(field), errors));
        return this;
    }

    /** Validates each element of a list under {@code field[i]}. */
    public <T> Validation each(String field, List<T> items, ElementCheck<T> check) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                String elementPath = field + "[" + i + "]";
                if (item == null) {
                    error(elementPath, "must not be null");
                } else {
                    check.check(new Validation(path(elementPath), errors), item);
                }
            }
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 422 naming every collected field, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
    }

    @FunctionalInterface
    public interface ElementCheck<T> {
        void check(Validation validation, T item);
    }

    private String path(String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

}
