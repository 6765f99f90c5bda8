package dk.mitforlob.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;

class CprHmacTest {

    private final CprHmac hmac = new CprHmac("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void the_same_number_with_or_without_dash_gives_the_same_digest() {
        assertThat(hmac.digest("010190-1234", "cpr")).isEqualTo(hmac.digest("0101901234", "cpr"));
    }

    @Test
    void the_digest_depends_on_the_key() {
        CprHmac other = new CprHmac("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

        assertThat(other.digest("0101901234", "cpr")).isNotEqualTo(hmac.digest("0101901234", "cpr"));
    }

    @Test
    void the_digest_does_not_contain_the_number() {
        assertThat(hmac.digest("0101901234", "cpr")).doesNotContain("0101901234").hasSize(64);
    }

    @Test
    void values_that_are_not_cpr_numbers_are_refused_naming_the_field() {
        for (String bad : new String[] {"123", "3201901234", "0113901234", "01019O1234", "01-01-90-1234"}) {
            assertThatThrownBy(() -> hmac.digest(bad, "cpr"))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors().getFirst().field()).isEqualTo("cpr"));
        }
    }

    @Test
    void a_key_shorter_than_32_bytes_is_refused() {
        assertThatThrownBy(() -> new CprHmac(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
