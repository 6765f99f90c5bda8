package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Language;

/** What changed between two versions of the wishes, and how a caseworker and a citizen read it. */
class WishesChangeTest {

    private static Wishes wishes(List<String> occupations, List<Wish> wishes, String hours, String constraints) {
        return new Wishes(new Interests(occupations, null), wishes, hours == null ? null : new BigDecimal(hours),
                constraints, null).canonical();
    }

    private final Wishes before = wishes(List.of("91"), List.of(new Wish(WishType.FEWER_MEETINGS, null),
            new Wish(WishType.MORE_PAID_HOURS, "Op på 12 timer")), "10", "Ingen bil");
    private final Wishes after = wishes(List.of("52"), List.of(new Wish(WishType.MENTOR, null),
            new Wish(WishType.MORE_PAID_HOURS, "Op på 15 timer")), "15", "Ingen bil");

    @Test
    void added_and_removed_wishes_and_occupations_and_changed_comments_and_hours_are_told_apart() {
        WishesChange change = WishesChange.between(before, after);

        assertThat(change.addedWishes()).containsExactly(WishType.MENTOR);
        assertThat(change.removedWishes()).containsExactly(WishType.FEWER_MEETINGS);
        assertThat(change.changedComments()).containsExactly(WishType.MORE_PAID_HOURS);
        assertThat(change.addedOccupations()).containsExactly("52");
        assertThat(change.removedOccupations()).containsExactly("91");
        assertThat(change.hoursPerWeek()).isEqualTo(new WishesChange.HoursChange(new BigDecimal("10").stripTrailingZeros(),
                new BigDecimal("15").stripTrailingZeros()));
        assertThat(change.changedTexts()).isEmpty();
        assertThat(change.nothingChanged()).isFalse();
    }

    @Test
    void the_caseworker_reads_in_danish_what_changed() {
        String summary = WishesChange.between(before, after).summary(after, Language.DA);

        assertThat(summary).isEqualTo("Nyt ønske: Mentor. Fjernet ønske: Færre møder. "
                + "Ændret kommentar: Flere lønnede timer (»Op på 15 timer«). Timer om ugen: 10 → 15. "
                + "Ny interesse: Salgsarbejde. Fjernet interesse: Rengørings- og hjælpearbejde.");
    }

    @Test
    void an_english_speaking_citizen_reads_it_in_english() {
        String summary = WishesChange.between(before, after).summary(after, Language.EN);

        assertThat(summary).startsWith("New wish: A mentor. Removed wish: Fewer meetings.")
                .contains("Hours a week: 10 → 15.").endsWith("New interest: Sales workers. Removed interest: Cleaners and helpers.");
    }

    @Test
    void the_first_version_tells_everything_as_new_with_half_hours_in_danish_notation() {
        Wishes first = wishes(List.of("52", "83"), List.of(new Wish(WishType.OTHER, "Truckcertifikat"),
                new Wish(WishType.MENTOR, null)), "7.5", "Kan ikke løfte");

        String summary = WishesChange.between(Wishes.none(), first).summary(first, Language.DA);

        assertThat(summary).isEqualTo("Nye ønsker: Mentor, Andet (»Truckcertifikat«). "
                + "Timer om ugen: 7,5. Nye interesser: Salgsarbejde, Transportarbejde og betjening af mobile maskiner. "
                + "Opdateret: praktiske begrænsninger.");
    }

    @Test
    void hours_no_longer_stated_are_said_so() {
        Wishes none = wishes(List.of("91"), before.wishes(), null, "Ingen bil");

        assertThat(WishesChange.between(before, none).summary(none, Language.DA)).isEqualTo("Timer om ugen: 10 → ikke angivet.");
    }

    @Test
    void changed_free_texts_are_named_without_quoting_them() {
        Wishes changed = new Wishes(new Interests(List.of("91"), "Lager"), before.wishes(), before.hoursPerWeek(),
                "Har fået bil", "Et fast job").canonical();

        WishesChange change = WishesChange.between(before, changed);

        assertThat(change.changedTexts()).containsExactly("interests.text", "constraints", "whatMatters");
        assertThat(change.summary(changed, Language.DA)).isEqualTo(
                "Opdateret: interesser med egne ord, praktiske begrænsninger, hvad der betyder noget for mig.")
                .doesNotContain("Har fået bil");
    }

    @Test
    void long_comments_are_shortened_in_the_summary() {
        Wishes withLong = wishes(List.of(), List.of(new Wish(WishType.OTHER, "a".repeat(300))), null, null);

        String summary = WishesChange.between(Wishes.none(), withLong).summary(withLong, Language.DA);

        assertThat(summary).isEqualTo("Nyt ønske: Andet (»" + "a".repeat(79) + "…«).");
    }

    @Test
    void a_removed_comment_is_said_so() {
        Wishes withoutComment = wishes(List.of("91"), List.of(new Wish(WishType.FEWER_MEETINGS, null),
                new Wish(WishType.MORE_PAID_HOURS, null)), "10", "Ingen bil");

        assertThat(WishesChange.between(before, withoutComment).summary(withoutComment, Language.DA))
                .isEqualTo("Ændret kommentar: Flere lønnede timer (kommentar fjernet).");
    }

    @Test
    void the_same_document_is_no_change() {
        assertThat(WishesChange.between(after, after).nothingChanged()).isTrue();
    }
}
