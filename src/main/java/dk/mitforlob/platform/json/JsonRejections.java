package dk.mitforlob.platform.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * What a client is told when its body cannot be read: a 400 with a stable code that names the
 * field and what it must be, in our words. The parser's own messages name its settings and
 * internals ("enable JsonReadFeature...") and never reach the client.
 */
final class JsonRejections {

    private JsonRejections() {
    }

    static Rejection of(IOException e) {
        if (e instanceof StrictValues.InvalidTextException text) {
            String field = path(text);
            return Rejection.badRequest("invalid-encoding", "Field '" + field + "' must be Unicode text without NUL "
                    + "characters or unpaired surrogates")
                    .withErrors(List.of(new FieldError(field, "is not valid Unicode text")));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Rejection.badRequest("unknown-field", "Unknown field '" + field + "'")
                    .withErrors(List.of(new FieldError(field, "is not a known field")));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            if (instantiation.getCause() instanceof Rejection rejection) {
                return rejection;
            }
            if (instantiation.getType() != null && instantiation.getType().isEnumType()) {
                return Rejection.invalid(path(instantiation),
                        "must be one of " + enumValues(instantiation.getType().getRawClass()));
            }
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String field = path(invalid);
            return Rejection.invalid(field, "must be one of " + enumValues(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return wrongType(path(mismatch), mismatch.getTargetType());
        }
        if (e instanceof MismatchedInputException) {
            return Rejection.badRequest("invalid-json", "The body is not a JSON object of the expected shape");
        }
        if (e instanceof InputCoercionException coercion) {
            // a number beyond the range of its field (e.g. 2^63 for a version); the parser knows where it is
            return wrongType(currentName(coercion), coercion.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return Rejection.badRequest("invalid-json", "The body is nested more than " + Json.MAX_NESTING
                    + " levels deep or has a number longer than " + Json.MAX_NUMBER_LENGTH + " characters");
        }
        if (e instanceof JsonProcessingException parse && !(e instanceof JsonMappingException)) {
            // the parser's own message names its settings and internals: say where, not what it thought
            JsonLocation at = parse.getLocation();
            return Rejection.badRequest("malformed-json", "The body is not well-formed JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range) {
            // a number beyond the range of its field, e.g. 2^64 for a version
            return wrongType(path(mapping), range.getTargetType());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return Rejection.badRequest("invalid-json", "Field '" + field + "' could not be read")
                    .withErrors(List.of(new FieldError(field, "could not be read")));
        }
        return Rejection.badRequest("malformed-json", "The body is not well-formed JSON");
    }

    /** A client's field name as it may be echoed: no control characters, at most 200 characters. */
    private static String printable(String field) {
        String clean = field.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 200 ? clean : clean.substring(0, 199) + "…";
    }

    /** Refuses an explicit {@code null} anywhere in {@code node}, naming it by its JSON path. */
    static void refuseNulls(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                refuseNulls(field.getValue(), path.isEmpty() ? printable(field.getKey())
                        : path + "." + printable(field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNulls(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isNull()) {
            throw Rejection.badRequest("invalid-field-type", "Field '" + path + "' must not be null; leave it out "
                    + "instead").withErrors(List.of(new FieldError(path, "must not be null")));
        }
    }

    private static String currentName(InputCoercionException e) {
        try {
            return e.getProcessor() instanceof JsonParser parser && parser.currentName() != null
                    ? parser.currentName() : "(body)";
        } catch (IOException unreadable) {
            return "(body)";
        }
    }

    private static Rejection wrongType(String field, Class<?> target) {
        String expected = target == null ? "another type" : describe(target);
        return Rejection.badRequest("invalid-field-type", "Field '" + field + "' must be " + expected)
                .withErrors(List.of(new FieldError(field, "must be " + expected)));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : printable(path.toString());
    }

    private static String enumValues(Class<?> enumType) {
        return String.join(", ", Arrays.stream(enumType.getEnumConstants())
                .map(constant -> Json.mapper().convertValue(constant, String.class))
                .toList());
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == BigDecimal.class) {
            return "a number of at most " + Json.MAX_NUMBER_LENGTH + " digits and an exponent within "
                    + StrictValues.MAX_DECIMAL_SCALE;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == LocalDate.class) {
            return "a date as a string YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "an RFC 3339 date and time with an offset, e.g. 2026-11-27T09:30:00Z";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        return "an object";
    }
}
