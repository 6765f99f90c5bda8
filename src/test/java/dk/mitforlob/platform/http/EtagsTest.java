package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar of If-Match and If-None-Match (RFC 9110 §8.8.3, §13.1.1-2). */
class EtagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "\"7\"", "W/\"7\"", "\"\"", "\"a!b\"", "\"7\",\"8\"",
            "\"7\" , W/\"8\" ,\t\"9\"", ", \"7\",", "\"x-y.z~\"", "\"\u00e6\""})
    void well_formed_conditions_parse(String value) {
        assertThat(Etags.parse(value)).as(value).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", "7", "\"7", "7\"", "W/7", "W/", "w/\"7\"", "\"7\" \"8\"", "\"7\";\"8\"",
            "*, \"7\"", "\"7\", *", "\"a\"b\"", "\"\u0001\"", "\"\u0100\""})
    void broken_conditions_do_not(String value) {
        assertThat(Etags.parse(value)).as(value).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "W/\"7\"", "\"1\", \"7\"", "*"})
    void if_none_match_compares_weakly(String value) {
        assertThat(Etags.parse(value).orElseThrow().matchesWeakly("\"7\"")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"8\"", "W/\"8\"", "\"1\", \"2\"", "\"c7\""})
    void other_tags_do_not_match(String value) {
        assertThat(Etags.parse(value).orElseThrow().matchesWeakly("\"7\"")).isFalse();
    }
}
