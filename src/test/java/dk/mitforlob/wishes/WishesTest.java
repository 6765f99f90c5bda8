package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/** The rules of the wishes document, checked without the service. */
class WishesTest {

    private static Wishes wishes(List<String> occupations, List<Wish> wishes, String hours) {
        return new Wishes(new Interests(occupations, "Butik"), wishes, hours == null ? null : new BigDecimal(hours),
                "Ingen bil", "At komme i arbejde");
    }

    private static List<String> fieldsOf(Wishes wishes) {
        Rejection rejection = catchThrowableOfType(Rejection.class, wishes::validate);
        assertThat(rejection).as("the document is refused").isNotNull();
        assertThat(rejection.code()).isEqualTo("validation-failed");
        return rejection.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_full_document_within_the_limits_is_valid() {
        Wishes valid = new Wishes(new Interests(List.of("52", "9"), "x".repeat(1000)),
                List.of(new Wish(WishType.MENTOR, "y".repeat(500)), new Wish(WishType.OTHER, "Et kørekort")),
                new BigDecimal("37"), "z".repeat(1000), "æ".repeat(2000));

        assertThatCode(valid::validate).doesNotThrowAnyException();
    }

    @Test
    void an_empty_document_is_valid() {
        assertThatCode(() -> new Wishes(null, null, null, null, null).validate()).doesNotThrowAnyException();
    }

    @Test
    void an_unknown_occupation_code_is_named_by_its_place_in_the_list() {
        assertThat(fieldsOf(wishes(List.of("52", "99"), List.of(), null))).containsExactly("interests.occupations[1]");
    }

    @Test
    void an_occupation_chosen_twice_is_named_at_its_second_place() {
        assertThat(fieldsOf(wishes(List.of("52", "91", "52"), List.of(), null)))
                .containsExactly("interests.occupations[2]");
    }

    @Test
    void more_than_ten_occupations_are_refused() {
        List<String> eleven = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "52");

        assertThat(fieldsOf(wishes(eleven, List.of(), null))).containsExactly("interests.occupations");
    }

    @Test
    void a_null_occupation_is_refused() {
        assertThat(fieldsOf(wishes(Arrays.asList("52", null), List.of(), null)))
                .containsExactly("interests.occupations[1]");
    }

    @Test
    void texts_over_their_limits_are_each_named() {
        Wishes tooLong = new Wishes(new Interests(List.of(), "x".repeat(1001)),
                List.of(new Wish(WishType.MENTOR, "y".repeat(501))), null, "z".repeat(1001), "æ".repeat(2001));

        assertThat(fieldsOf(tooLong)).containsExactlyInAnyOrder("interests.text", "wishes[0].comment", "constraints",
                "whatMatters");
    }

    @Test
    void a_wish_type_chosen_twice_is_named_at_its_second_place() {
        assertThat(fieldsOf(wishes(List.of(), List.of(new Wish(WishType.MENTOR, null),
                new Wish(WishType.FEWER_MEETINGS, null), new Wish(WishType.MENTOR, "igen")), null)))
                .containsExactly("wishes[2].type");
    }

    @Test
    void the_wish_other_needs_a_comment_saying_what() {
        assertThat(fieldsOf(wishes(List.of(), List.of(new Wish(WishType.MENTOR, null),
                new Wish(WishType.OTHER, "   ")), null))).containsExactly("wishes[1].comment");
    }

    @Test
    void a_wish_without_a_type_is_refused() {
        assertThat(fieldsOf(wishes(List.of(), List.of(new Wish(null, "noget")), null))).containsExactly("wishes[0].type");
    }

    @Test
    void hours_a_week_are_0_to_37_in_half_hours() {
        assertThatCode(() -> wishes(List.of(), List.of(), "0").validate()).doesNotThrowAnyException();
        assertThatCode(() -> wishes(List.of(), List.of(), "7.5").validate()).doesNotThrowAnyException();
        assertThatCode(() -> wishes(List.of(), List.of(), "37.0").validate()).doesNotThrowAnyException();

        assertThat(fieldsOf(wishes(List.of(), List.of(), "7.25"))).containsExactly("hoursPerWeek");
        assertThat(fieldsOf(wishes(List.of(), List.of(), "37.5"))).containsExactly("hoursPerWeek");
        assertThat(fieldsOf(wishes(List.of(), List.of(), "-1"))).containsExactly("hoursPerWeek");
    }

    @Test
    void every_problem_is_named_at_once() {
        Wishes bad = new Wishes(new Interests(List.of("x"), null), List.of(new Wish(WishType.OTHER, null)),
                new BigDecimal("40"), null, null);

        assertThat(fieldsOf(bad)).containsExactlyInAnyOrder("interests.occupations[0]", "wishes[0].comment",
                "hoursPerWeek");
    }

    @Test
    void texts_are_trimmed_and_an_empty_text_counts_as_not_given() {
        Wishes cleared = new Wishes(new Interests(List.of(), "  "), List.of(new Wish(WishType.MENTOR, "")),
                null, "  Ingen bil \n", "");

        assertThat(cleared.interests().text()).isNull();
        assertThat(cleared.wishes().getFirst().comment()).isNull();
        assertThat(cleared.constraints()).isEqualTo("Ingen bil");
        assertThat(cleared.whatMatters()).isNull();
    }

    @Test
    void the_order_choices_are_sent_in_is_not_a_change() {
        Wishes one = wishes(List.of("91", "52"), List.of(new Wish(WishType.OTHER, "Kørekort"),
                new Wish(WishType.MENTOR, null)), "7.50");
        Wishes other = wishes(List.of("52", "91"), List.of(new Wish(WishType.MENTOR, null),
                new Wish(WishType.OTHER, "Kørekort")), "7.5");

        assertThat(one.canonical()).isEqualTo(other.canonical());
        assertThat(one.canonical().interests().occupations()).containsExactly("52", "91");
        assertThat(one.canonical().wishes()).extracting(Wish::type).containsExactly(WishType.MENTOR, WishType.OTHER);
    }

    @Test
    void interest_groups_are_the_major_groups_of_the_chosen_occupations_counted_once() {
        Wishes chosen = wishes(List.of("52", "5", "91", "03"), List.of(), null);

        assertThat(chosen.interestGroups()).containsExactly("0", "5", "9");
    }

    @Test
    void lists_keep_null_elements_for_validation_to_name() {
        List<Wish> withNull = new ArrayList<>();
        withNull.add(null);

        assertThat(fieldsOf(wishes(List.of(), withNull, null))).containsExactly("wishes[0]");
    }
}
