package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;

class HoursLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Employer NETTO = new Employer("Netto", "35954716");

    private static HoursEntry entry(LocalDate date, int quarters) {
        return new HoursEntry(date, NETTO, quarters, null, null);
    }

    private final HoursLedger empty = HoursLedger.empty("c1", "851");

    private static void assertRule(Runnable change, String code, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.errors()).extracting(e -> e.field()).containsExactly(field);
        });
    }

    @Test
    void a_registration_counts_its_quarters_and_raises_the_version() {
        HoursLedger.Change change = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90);

        assertThat(change.changed()).isTrue();
        assertThat(change.ledger().version()).isEqualTo(1);
        assertThat(change.registration().countedQuarters()).isEqualTo(30);
        assertThat(change.registration().current().isoWeek()).isEqualTo("2026-W48");
        assertThat(change.registration().current().month()).isEqualTo("2026-11");
    }

    @Test
    void registering_the_same_id_again_changes_nothing() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).ledger();

        HoursLedger.Change again = ledger.register("r1", entry(TODAY, 30), NOW, TODAY, 90);

        assertThat(again.changed()).isFalse();
        assertThat(again.ledger().registrations()).hasSize(1);
    }

    @Test
    void no_day_in_the_future() {
        assertRule(() -> empty.register("r1", entry(TODAY.plusDays(1), 4), NOW, TODAY, 90), "date-in-future", "date");
    }

    @Test
    void no_day_older_than_the_window() {
        empty.register("r0", entry(TODAY.minusDays(90), 4), NOW, TODAY, 90);
        assertRule(() -> empty.register("r1", entry(TODAY.minusDays(91), 4), NOW, TODAY, 90), "date-too-old", "date");
    }

    @Test
    void a_day_holds_at_most_24_hours_across_registrations() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 80), NOW, TODAY, 90).ledger();
        ledger = ledger.register("r2", entry(TODAY, 16), NOW, TODAY, 90).ledger();
        HoursLedger full = ledger;

        assertRule(() -> full.register("r3", entry(TODAY, 1), NOW, TODAY, 90), "day-total-exceeded", "hours");
        assertThat(full.register("r3", entry(TODAY.minusDays(1), 96), NOW, TODAY, 90).changed()).isTrue();
    }

    @Test
    void a_correction_is_a_new_revision_and_the_old_one_stays() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).ledger();

        HoursLedger.Change corrected = ledger.correct("r1", entry(TODAY.minusDays(1), 24), "Forkert dag", NOW, TODAY, 90);

        assertThat(corrected.registration().revisions()).hasSize(2);
        assertThat(corrected.registration().revisions().getFirst().quarters()).isEqualTo(30);
        assertThat(corrected.registration().current().kind()).isEqualTo(Revision.Kind.CORRECTED);
        assertThat(corrected.registration().current().reason()).isEqualTo("Forkert dag");
        assertThat(corrected.ledger().quartersOn(TODAY, "")).isZero();
    }

    @Test
    void a_correction_does_not_count_the_hours_it_replaces_against_the_day() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 90), NOW, TODAY, 90).ledger();

        assertThat(ledger.correct("r1", entry(TODAY, 96), "Glemte et kvarter", NOW, TODAY, 90).changed()).isTrue();
    }

    @Test
    void the_same_correction_again_changes_nothing() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).ledger();
        ledger = ledger.correct("r1", entry(TODAY, 28), "Gik tidligt", NOW, TODAY, 90).ledger();

        assertThat(ledger.correct("r1", entry(TODAY, 28), "Gik tidligt", NOW, TODAY, 90).changed()).isFalse();
    }

    @Test
    void a_withdrawn_registration_stops_counting_and_cannot_be_corrected() {
        HoursLedger ledger = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).ledger();

        HoursLedger withdrawn = ledger.withdraw("r1", "Registreret to gange", NOW).ledger();

        assertThat(withdrawn.find("r1").orElseThrow().countedQuarters()).isZero();
        assertThat(withdrawn.find("r1").orElseThrow().revisions()).hasSize(2);
        assertThat(withdrawn.withdraw("r1", "igen", NOW).changed()).isFalse();
        assertThatThrownBy(() -> withdrawn.correct("r1", entry(TODAY, 4), "x", NOW, TODAY, 90))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("registration-withdrawn"));
        assertThat(withdrawn.register("r2", entry(TODAY, 96), NOW, TODAY, 90).changed()).isTrue();
    }

    @Test
    void correcting_an_unknown_registration_is_404() {
        assertThatThrownBy(() -> empty.correct("nope", entry(TODAY, 4), "x", NOW, TODAY, 90))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.status()).isEqualTo(404));
    }
}
