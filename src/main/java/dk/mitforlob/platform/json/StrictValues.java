package dk.mitforlob.platform.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the scalar values of a request are read: exactly their documented shape, nothing converted.
 * A date is the string {@code YYYY-MM-DD} (not {@code [2026,11,27]}, not an instant); an instant is
 * an RFC 3339 string with an offset (not a number of seconds); a decimal is read exactly as written
 * (never through a {@code double}) and within a size arithmetic on it can afford; a string is
 * Unicode text without NUL or unpaired surrogates (which no store or client can represent faithfully).
 */
final class StrictValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Beyond this a decimal's exponent makes arithmetic on it (e.g. {@code intValueExact}) arbitrarily slow. */
    static final int MAX_DECIMAL_SCALE = 1000;

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("strict-values")
                .addDeserializer(LocalDate.class, new LocalDateDeserializer())
                .addDeserializer(Instant.class, new InstantDeserializer())
                .addDeserializer(BigDecimal.class, new DecimalDeserializer())
                .addDeserializer(String.class, new TextDeserializer());
    }

    private static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            if (text != null && DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, STRICT_DATE);
                } catch (DateTimeParseException e) {
                    // an impossible day such as 2026-02-30: refused below like any other shape
                }
            }
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p.currentToken(), p,
                    "a date is a string YYYY-MM-DD");
        }
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            if (text != null && INSTANT.matcher(text).matches()) {
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    // an impossible time: refused below like any other shape
                }
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                    "an instant is an RFC 3339 string with an offset");
        }
    }

    private static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, token, p, "a number");
            }
            BigDecimal value = p.getDecimalValue();
            if (Math.abs(value.scale()) > MAX_DECIMAL_SCALE) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value, "out of range");
            }
            return value;
        }
    }

    private static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p.currentToken(), p, "a string");
            }
            String text = p.getText();
            if (!isPlainUnicode(text)) {
                throw new InvalidTextException(p, "Text with NUL or unpaired surrogates");
            }
            return text;
        }
    }

    /** Text the service can store and send back as it came: no NUL, every surrogate paired. */
    static boolean isPlainUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A string value that is not plain Unicode text; {@link Json} names its field. */
    static final class InvalidTextException extends com.fasterxml.jackson.databind.JsonMappingException {
        InvalidTextException(JsonParser p, String message) {
            super(p, message);
        }
    }
}
