package dk.mitforlob.platform.json;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * The one JSON configuration of the service: strict on input (unknown fields, wrong types and
 * trailing garbage are refused), ISO-8601 dates and times, no nulls or empty optionals on output.
 */
public final class Json {

    private static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .build());

    private Json() {
    }

    /** No silent conversions: {@code 42} is not a string, {@code "42"} not a number, {@code 1} not a boolean. */
    private static ObjectMapper strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Reads a request body; anything but well-formed JSON of the right shape is a 400 naming the field. */
    public static <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw rejection(e);
        }
        if (value == null) {
            throw Rejection.badRequest("invalid-json", "The body must be a JSON object, not null");
        }
        return value;
    }

    /** A body already parsed (e.g. to fingerprint it) as {@code type}, with the same 400s as {@link #read(byte[], Class)}. */
    public static <T> T read(JsonNode body, Class<T> type) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (IOException e) {
            throw rejection(e);
        }
    }

    public static JsonNode readTree(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw Rejection.badRequest("body-required", "The request needs a JSON body");
            }
            if (!node.isObject()) {
                throw Rejection.badRequest("invalid-json", "The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw rejection(e);
        }
    }

    private static Rejection rejection(IOException e) {
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
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return Rejection.badRequest("invalid-field-type", "Field '" + field + "' must be " + expected)
                    .withErrors(List.of(new FieldError(field, "must be " + expected)));
        }
        if (e instanceof MismatchedInputException) {
            return Rejection.badRequest("invalid-json", "The body is not a JSON object of the expected shape");
        }
        if (e instanceof JsonParseException parse) {
            return Rejection.badRequest("malformed-json", "The body is not well-formed JSON: "
                    + parse.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return Rejection.badRequest("invalid-json", "Field '" + field + "' could not be read")
                    .withErrors(List.of(new FieldError(field, "could not be read")));
        }
        return Rejection.badRequest("malformed-json", "The body is not well-formed JSON");
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
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String enumValues(Class<?> enumType) {
        return String.join(", ", Arrays.stream(enumType.getEnumConstants())
                .map(constant -> MAPPER.convertValue(constant, String.class))
                .toList());
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
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
        if (type.getPackageName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        return "an object";
    }
}
