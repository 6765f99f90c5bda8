package dk.mitforlob.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void every_problem_is_collected_with_its_json_path() {
        Validation v = Validation.of();
        v.requiredText("title", null, 10)
                .at("employer", e -> e.requiredText("name", "x".repeat(11), 10))
                .each("steps", List.of("ok", " "), (step, text) -> step.text("text", text, 10));

        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("validation-failed");
            assertThat(r.errors()).extracting(FieldError::field)
                    .containsExactly("title", "employer.name", "steps[1].text");
        });
    }

    @Test
    void lengths_count_characters_not_utf16_units() {
        Validation v = Validation.of().text("note", "😀".repeat(10), 10);

        assertThat(v.hasErrors()).isFalse();
    }

    @Test
    void control_characters_are_refused_but_line_breaks_are_fine() {
        assertThat(Validation.of().text("note", "two\nlines", 100).hasErrors()).isFalse();
        assertThat(Validation.of().text("note", "bell\u0007", 100).hasErrors()).isTrue();
    }

    @Test
    void a_valid_request_passes() {
        Validation.of().requiredText("title", "Find work", 100).date("from", LocalDate.of(2026, 11, 23)).throwIfInvalid();
    }
}
