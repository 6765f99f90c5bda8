package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;

class HoursMonthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Employer NETTO = new Employer("Netto", "35954716");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static HoursEntry entry(LocalDate date, int quarters) {
        return new HoursEntry(date, NETTO, quarters, null, null);
    }

    private final HoursMonth empty = HoursMonth.empty("c1", "851", NOVEMBER);

    private static void assertRule(Runnable change, String code, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.errors()).extracting(e -> e.field()).containsExactly(field);
        });
    }

    @Test
    void a_registration_counts_its_quarters_and_raises_the_version() {
        HoursMonth.Change change = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90);

        assertThat(change.changed()).isTrue();
        assertThat(change.month().version()).isEqualTo(1);
        assertThat(change.month().countedQuarters()).isEqualTo(30);
        assertThat(change.registration().current().isoWeek()).isEqualTo("2026-W48");
        assertThat(change.registration().current().month()).isEqualTo("2026-11");
    }

    @Test
    void registering_the_same_id_again_changes_nothing() {
        HoursMonth month = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).month();

        HoursMonth.Change again = month.register("r1", entry(TODAY, 30), NOW, TODAY, 90);

        assertThat(again.changed()).isFalse();
        assertThat(again.month().registrations()).hasSize(1);
    }

    @Test
    void no_day_in_the_future() {
        assertRule(() -> empty.register("r1", entry(TODAY.plusDays(1), 4), NOW, TODAY, 90), "date-in-future", "date");
    }

    @Test
    void no_day_older_than_the_window() {
        HoursMonth october = HoursMonth.empty("c1", "851", YearMonth.of(2026, 8));
        october.register("r0", entry(TODAY.minusDays(90), 4), NOW, TODAY, 90);
        assertRule(() -> october.register("r1", entry(TODAY.minusDays(91), 4), NOW, TODAY, 90), "date-too-old",
                "date");
    }

    @Test
    void a_day_holds_at_most_24_hours_across_registrations() {
        HoursMonth month = empty.register("r1", entry(TODAY, 80), NOW, TODAY, 90).month();
        month = month.register("r2", entry(TODAY, 16), NOW, TODAY, 90).month();
        HoursMonth full = month;

        assertRule(() -> full.register("r3", entry(TODAY, 1), NOW, TODAY, 90), "day-total-exceeded", "hours");
        assertThat(full.register("r3", entry(TODAY.minusDays(1), 96), NOW, TODAY, 90).changed()).isTrue();
    }

    @Test
    void a_correction_is_a_new_revision_and_the_old_one_stays() {
        HoursMonth month = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).month();

        HoursMonth.Change corrected = month.correct("r1", entry(TODAY.minusDays(1), 24), "Forkert dag", NOW, TODAY,
                90);

        assertThat(corrected.registration().revisions()).hasSize(2);
        assertThat(corrected.registration().revisions().getFirst().quarters()).isEqualTo(30);
        assertThat(corrected.registration().current().kind()).isEqualTo(Revision.Kind.CORRECTED);
        assertThat(corrected.registration().current().reason()).isEqualTo("Forkert dag");
        assertThat(corrected.month().quartersOn(TODAY, "")).isZero();
        assertThat(corrected.month().countedQuarters()).isEqualTo(24);
    }

    @Test
    void a_correction_does_not_count_the_hours_it_replaces_against_the_day() {
        HoursMonth month = empty.register("r1", entry(TODAY, 90), NOW, TODAY, 90).month();

        assertThat(month.correct("r1", entry(TODAY, 96), "Glemte et kvarter", NOW, TODAY, 90).changed()).isTrue();
    }

    @Test
    void the_same_correction_again_changes_nothing() {
        HoursMonth month = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).month();
        month = month.correct("r1", entry(TODAY, 28), "Gik tidligt", NOW, TODAY, 90).month();

        assertThat(month.correct("r1", entry(TODAY, 28), "Gik tidligt", NOW, TODAY, 90).changed()).isFalse();
    }

    @Test
    void a_withdrawn_registration_stops_counting_and_cannot_be_corrected() {
        HoursMonth month = empty.register("r1", entry(TODAY, 30), NOW, TODAY, 90).month();

        HoursMonth withdrawn = month.withdraw("r1", "Registreret to gange", NOW).month();

        assertThat(withdrawn.find("r1").orElseThrow().countedQuarters()).isZero();
        assertThat(withdrawn.countedQuarters()).isZero();
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

    // moving between months: the primitives the move protocol is made of

    private static Registration movedToNovember(Registration registration, LocalDate date) {
        return registration.with(Revision.of(2, Revision.Kind.CORRECTED, entry(date, 8), "Forkert måned", NOW));
    }

    @Test
    void a_registration_leaving_still_counts_where_it_was_until_it_has_left() {
        HoursMonth october = HoursMonth.empty("c1", "851", OCTOBER)
                .register("r1", entry(LocalDate.of(2026, 10, 31), 90), NOW, TODAY, 90).month();
        Registration registration = october.find("r1").orElseThrow();
        Registration moved = movedToNovember(registration, TODAY);
        HoursMonth.Move move = new HoursMonth.Move("t1", NOVEMBER, moved.current(), NOW);

        HoursMonth leaving = october.markLeaving("r1", move).month();

        assertThat(leaving.countedQuarters()).isEqualTo(90);
        assertThat(leaving.outgoing()).containsKey("r1");
        assertThat(leaving.departed("r1", "another token").changed()).isFalse();
        HoursMonth left = leaving.departed("r1", "t1").month();
        assertThat(left.registrations()).isEmpty();
        assertThat(left.outgoing()).isEmpty();
        assertThat(leaving.stayAfterAll("r1", "t1").month().outgoing()).isEmpty();
    }

    @Test
    void an_arrival_keeps_the_day_rule_of_its_new_month() {
        HoursMonth november = empty.register("r2", entry(TODAY, 90), NOW, TODAY, 90).month();
        Registration october = HoursMonth.empty("c1", "851", OCTOBER)
                .register("r1", entry(LocalDate.of(2026, 10, 31), 8), NOW, TODAY, 90).registration();

        assertRule(() -> november.arrive(movedToNovember(october, TODAY), "t1"), "day-total-exceeded", "hours");
        HoursMonth.Change arrived = november.arrive(movedToNovember(october, TODAY.minusDays(1)), "t1");
        assertThat(arrived.changed()).isTrue();
        assertThat(arrived.month().countedQuarters()).isEqualTo(98);
        assertThat(arrived.month().arrive(movedToNovember(october, TODAY.minusDays(1)), "t1").changed())
                .as("arriving again is a retry").isFalse();
    }

    @Test
    void a_move_given_up_cannot_arrive_after_all() {
        Registration october = HoursMonth.empty("c1", "851", OCTOBER)
                .register("r1", entry(LocalDate.of(2026, 10, 31), 8), NOW, TODAY, 90).registration();
        HoursMonth abandoned = empty.abandon("t1").month();

        assertThatThrownBy(() -> abandoned.arrive(movedToNovember(october, TODAY), "t1"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("concurrent-update"));
        assertThat(abandoned.arrive(movedToNovember(october, TODAY), "t2").changed()).isTrue();
    }

    @Test
    void a_month_remembers_only_the_latest_abandoned_moves() {
        HoursMonth month = empty;
        for (int i = 0; i < HoursMonth.ABANDONED_KEPT + 5; i++) {
            month = month.abandon("t" + i).month();
        }

        assertThat(month.abandoned()).hasSize(HoursMonth.ABANDONED_KEPT).doesNotContain("t0")
                .contains("t" + (HoursMonth.ABANDONED_KEPT + 4));
    }
}
