package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CvrTest {

    @Test
    void real_cvr_numbers_pass() {
        // Novo Nordisk A/S, Netto (Salling Group A/S), Aalborg Kommune
        assertThat(Cvr.isValid("24256790")).isTrue();
        assertThat(Cvr.isValid("35954716")).isTrue();
        assertThat(Cvr.isValid("29189420")).isTrue();
    }

    @Test
    void a_changed_digit_fails_the_modulus_check() {
        assertThat(Cvr.isValid("24256791")).isFalse();
    }

    @Test
    void anything_but_eight_digits_fails() {
        assertThat(Cvr.isValid("2425679")).isFalse();
        assertThat(Cvr.isValid("242567900")).isFalse();
        assertThat(Cvr.isValid("2425679a")).isFalse();
        assertThat(Cvr.isValid("04256790")).isFalse();
        assertThat(Cvr.isValid(null)).isFalse();
    }
}
