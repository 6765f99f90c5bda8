package dk.mitforlob.platform.errors;

import java.util.Objects;

/**
 * One offending field of a request: {@code field} is a JSON path such as {@code employer.cvr} or
 * {@code goals[2].title}, or a query parameter or header name.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }
}
