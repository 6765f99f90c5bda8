package dk.mitforlob.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;

/** The one JSON configuration refuses every shape the contract does not document, and says so in its own words. */
class JsonStrictnessTest {

    record Sample(LocalDate date, Instant at, BigDecimal hours, Long version, String text, List<String> items,
                  Boolean flag, Nested nested) {
    }

    record Nested(String name) {
    }

    private static Rejection refusal(String json) {
        try {
            Json.read(json.getBytes(StandardCharsets.UTF_8), Sample.class);
        } catch (Rejection rejection) {
            return rejection;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static Sample read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), Sample.class);
    }

    @Test
    void the_documented_shapes_are_read() {
        Sample sample = read("{\"date\":\"2026-11-27\",\"at\":\"2026-11-27T09:30:00+01:00\",\"hours\":7.25,"
                + "\"version\":3,\"text\":\"Æble 🍎\",\"items\":[\"a\"],\"flag\":true,\"nested\":{\"name\":\"n\"}}");

        assertThat(sample.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(sample.at()).isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
        assertThat(sample.hours()).isEqualByComparingTo("7.25");
        assertThat(sample.text()).isEqualTo("Æble 🍎");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2026,11,27]", "\"2026-11-27T00:00:00Z\"", "\"2026-11-27T00:00:00\"", "20261127",
            "\"27-11-2026\"", "\"2026-02-30\"", "\"2026-1-7\"", "\"+2026-11-27\"", "\"\"", "{}", "true"})
    void a_date_is_only_a_string_YYYY_MM_DD(String value) {
        Rejection refusal = refusal("{\"date\":" + value + "}");

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.errors()).extracting(e -> e.field()).containsExactly("date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1764232200", "1764232200.5", "\"2026-11-27T09:30:00\"", "\"2026-11-27\"",
            "[2026,11,27,9,30]", "\"2026-11-27T25:00:00Z\""})
    void an_instant_is_only_an_rfc3339_string_with_an_offset(String value) {
        assertThat(refusal("{\"at\":" + value + "}").errors()).extracting(e -> e.field()).containsExactly("at");
    }

    @Test
    void decimals_are_read_exactly_not_through_a_double() {
        Sample sample = read("{\"hours\":0.2500000000000000000001}");

        assertThat(sample.hours()).isEqualTo(new BigDecimal("0.2500000000000000000001"));
        assertThat(Json.read(Json.readTree("{\"hours\":0.2500000000000000000001}".getBytes(StandardCharsets.UTF_8)),
                Sample.class).hours()).isEqualTo(new BigDecimal("0.2500000000000000000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "\"7.5\"", "true", "[7.5]"})
    void absurd_or_converted_decimals_are_refused(String value) {
        assertThat(refusal("{\"hours\":" + value + "}").errors()).extracting(e -> e.field()).containsExactly("hours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e2", "\"3\"", "true", "[3]", "123456789012345678901234567890"})
    void an_integer_is_a_json_integer_in_range(String value) {
        Rejection refusal = refusal("{\"version\":" + value + "}");

        assertThat(refusal.code()).isEqualTo("invalid-field-type");
        assertThat(refusal.errors()).extracting(e -> e.field()).containsExactly("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.2", "true", "[\"a\"]", "{\"a\":1}"})
    void a_string_is_a_json_string(String value) {
        assertThat(refusal("{\"text\":" + value + "}").errors()).extracting(e -> e.field()).containsExactly("text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\"", "{}", "1"})
    void an_array_is_a_json_array(String value) {
        assertThat(refusal("{\"items\":" + value + "}").errors()).extracting(e -> e.field()).containsExactly("items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "[true]"})
    void a_boolean_is_true_or_false(String value) {
        assertThat(refusal("{\"flag\":" + value + "}").errors()).extracting(e -> e.field()).containsExactly("flag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "at", "hours", "version", "text", "items", "flag", "nested"})
    void an_explicit_null_is_refused_naming_the_field(String field) {
        Rejection refusal = refusal("{\"" + field + "\":null}");

        assertThat(refusal.code()).isEqualTo("invalid-field-type");
        assertThat(refusal.errors()).extracting(e -> e.field()).containsExactly(field);
    }

    @Test
    void a_null_in_an_array_is_refused() {
        assertThat(refusal("{\"items\":[\"a\",null]}").errors()).extracting(e -> e.field()).containsExactly("items[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u0000\"", "\"a\\ud800\"", "\"\\udc00b\"", "\"\\ud800\\ud800\""})
    void text_with_nul_or_unpaired_surrogates_is_refused(String value) {
        Rejection refusal = refusal("{\"text\":" + value + "}");

        assertThat(refusal.code()).isEqualTo("invalid-encoding");
        assertThat(refusal.errors()).extracting(e -> e.field()).containsExactly("text");
    }

    @Test
    void invalid_utf8_and_overlong_sequences_are_refused() {
        byte[][] bodies = {
                {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"', '}'},
                {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'},
                {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'},
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_16BE),
                "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_16),
                "{\"text\":\"a\"}".getBytes(java.nio.charset.Charset.forName("UTF-32LE")),
        };
        for (byte[] body : bodies) {
            assertThatThrownBy(() -> Json.read(body, Sample.class)).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.code()).isEqualTo("invalid-encoding"));
            assertThatThrownBy(() -> Json.readTree(body)).isInstanceOfSatisfying(Rejection.class,
                    r -> assertThat(r.code()).isEqualTo("invalid-encoding"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": NaN}", "{\"text\": 'a'}", "{text: \"a\"}", "{\"text\":\"a\",}", "{/*x*/}",
            "{\"version\": 01}", "{\"hours\": Infinity}", "{\"text\":\"a\"} x", "{\"text\":\"a\"", "{\"a\":1,\"a\":2}"})
    void malformed_json_is_400_without_the_parsers_own_words(String body) {
        Rejection refusal = refusal(body);

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.detail()).doesNotContain("Feature", "enable", "com.fasterxml", "jackson", "Jackson",
                "token", "Source");
    }

    @Test
    void deep_nesting_is_refused_before_it_costs_anything() {
        String deep = "{\"nested\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThat(refusal(deep).status()).isEqualTo(400);
    }

    @Test
    void numbers_longer_than_a_hundred_digits_are_refused() {
        assertThat(refusal("{\"hours\":" + "9".repeat(101) + "}").status()).isEqualTo(400);
    }
}
