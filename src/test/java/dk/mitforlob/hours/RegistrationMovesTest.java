package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.model.Filters;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * A correction that moves a registration to a day of another month writes two documents without a
 * transaction (the protocol is in {@link RegistrationMoves}). The process is made to die after each
 * of the move's writes in turn; at every point a reader sees the registration exactly once, the
 * sweep then leaves it in one month with nothing half done, and the phone's retry ends where an
 * undisturbed correction would have.
 */
class RegistrationMovesTest {

    private static final Employer NETTO = new Employer("Netto", "35954716");
    private static final LocalDate OLD_DAY = LocalDate.of(2026, 10, 30);
    private static final LocalDate NEW_DAY = LocalDate.of(2026, 11, 2);
    /** The move's writes, in order: record, mark in October, arrival in November, placement, leaving October, end. */
    private static final int MOVE_WRITES = 6;

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final TestClock clock = new TestClock();
    private final MongoInbox inbox = new MongoInbox(own.store());
    private final MongoOutbox outbox = new MongoOutbox(inbox, own.store(), clock);
    private final MongoMonthlyHours monthlyHours = new MongoMonthlyHours(own.store());
    private final HoursRepository store = new MongoHoursRepository(own.store(), outbox, monthlyHours);
    private final Citizen citizen = new Citizen("citizen-moves", "851", "ref", "hmac", "Anna", Programme.RESOURCE_PROGRAMME,
            null, null, Language.DA, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 1);

    @AfterEach
    void close() throws Exception {
        own.close();
    }

    private static HoursInput hours(LocalDate date, String amount, String reason) {
        return new HoursInput(date, NETTO, new BigDecimal(amount), null, null, reason);
    }

    private String registered(PaidHours hours) {
        clock.set(Instant.parse("2026-11-05T12:00:00Z"));
        return hours.register(citizen, hours(OLD_DAY, "2", null), "reg-1").id();
    }

    @ParameterizedTest(name = "the process dies after write {0} of the move")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void a_move_cut_short_at_any_write_is_seen_once_and_settled_by_the_sweep(int crashAfter) {
        PaidHours hours = new PaidHours(store, null, clock, 90);
        String id = registered(hours);
        CrashingRepository dying = new CrashingRepository(store, crashAfter);

        assertThatThrownBy(() -> new PaidHours(dying, null, clock, 90)
                .correct(citizen, id, hours(NEW_DAY, "3", "Forkert dag"))).isInstanceOf(Crash.class);

        boolean committed = crashAfter >= 3;
        LocalDate expectedDay = committed ? NEW_DAY : OLD_DAY;
        BigDecimal expectedHours = new BigDecimal(committed ? "3" : "2");
        assertSeenOnce(hours, id, expectedDay, expectedHours);

        clock.set(clock.instant().plus(RegistrationMoves.GRACE).plusSeconds(60));
        hours.settleStuckMoves();

        assertSeenOnce(hours, id, expectedDay, expectedHours);
        assertNothingHalfDone(id, YearMonth.from(expectedDay), expectedHours);

        Registration retried = hours.correct(citizen, id, hours(NEW_DAY, "3", "Forkert dag"));
        assertThat(retried.current().date()).isEqualTo(NEW_DAY);
        assertThat(retried.revisions()).as("the retry made no second correction").hasSize(2);
        assertSeenOnce(hours, id, NEW_DAY, new BigDecimal("3"));
        assertNothingHalfDone(id, YearMonth.from(NEW_DAY), new BigDecimal("3"));
        assertThat(inbox.byId("851", "hours-" + id + "-r2")).as("the correction reached the inbox").isPresent();
        assertThat(inbox.byId("851", "hours-" + id + "-r3")).isEmpty();
    }

    @Test
    void a_move_refused_by_the_day_rule_of_its_new_month_leaves_nothing_behind() {
        PaidHours hours = new PaidHours(store, null, clock, 90);
        String id = registered(hours);
        hours.register(citizen, hours(NEW_DAY, "23", null), "reg-2");

        assertThatThrownBy(() -> hours.correct(citizen, id, hours(NEW_DAY, "2", "Forkert dag")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("day-total-exceeded"));

        assertSeenOnce(hours, id, OLD_DAY, new BigDecimal("2"));
        assertNothingHalfDone(id, YearMonth.from(OLD_DAY), new BigDecimal("25"));
    }

    @Test
    void a_change_to_a_registration_whose_move_is_recent_and_unfinished_waits_for_its_mover() {
        PaidHours hours = new PaidHours(store, null, clock, 90);
        String id = registered(hours);
        assertThatThrownBy(() -> new PaidHours(new CrashingRepository(store, 2), null, clock, 90)
                .correct(citizen, id, hours(NEW_DAY, "3", "Forkert dag"))).isInstanceOf(Crash.class);

        assertThatThrownBy(() -> hours.withdraw(citizen, id, new HoursInput.Withdrawal("Fejl")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("concurrent-update"));

        clock.set(clock.instant().plus(RegistrationMoves.GRACE).plusSeconds(1));
        Registration withdrawn = hours.withdraw(citizen, id, new HoursInput.Withdrawal("Fejl"));
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.current().date()).as("the move was given up").isEqualTo(OLD_DAY);
    }

    private void assertSeenOnce(PaidHours hours, String id, LocalDate day, BigDecimal amount) {
        Registration found = hours.registration(citizen, id).orElseThrow();
        assertThat(found.current().date()).isEqualTo(day);
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        assertThat(hours.registrations(citizen, from, to, true, Optional.empty(), 50).items())
                .filteredOn(r -> r.id().equals(id)).hasSize(1)
                .allSatisfy(r -> assertThat(r.current().date()).isEqualTo(day));
        assertThat(hours.summary(citizen, from, to).totalHours())
                .isEqualByComparingTo(amount.add(otherHours(hours, id)));
    }

    private BigDecimal otherHours(PaidHours hours, String id) {
        return hours.registrations(citizen, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), false,
                        Optional.empty(), 50).items().stream()
                .filter(r -> !r.id().equals(id)).map(r -> Hours.hours(r.countedQuarters()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One copy in one month, no marks, no move records, the placement pointing there, the roll-up agreeing. */
    private void assertNothingHalfDone(String id, YearMonth month, BigDecimal totalHours) {
        List<Document> months = own.store().collection("hours_months").find(Filters.eq("citizenId", citizen.id()))
                .into(new java.util.ArrayList<>());
        assertThat(months).filteredOn(m -> m.getList("registrations", Document.class).stream()
                .anyMatch(r -> r.getString("id").equals(id))).extracting(m -> m.getString("month"))
                .containsExactly(month.toString());
        assertThat(months).allSatisfy(m -> assertThat(m.getList("outgoing", Document.class)).isEmpty());
        assertThat(store.movesBegunBefore(Instant.parse("2100-01-01T00:00:00Z"), 10)).isEmpty();
        assertThat(store.placement(id).map(HoursRepository.Placement::month).or(() -> RegistrationIds.month(id)))
                .as("where a lookup by id starts").contains(month);
        long rolledUp = monthlyHours.between(YearMonth.of(2026, 10), YearMonth.of(2026, 11)).stream()
                .mapToLong(HoursRepository.CitizenMonth::quarters).sum();
        assertThat(Hours.hours(rolledUp)).isEqualByComparingTo(totalHours);
    }

    /** The process dying: everything after the n-th write of this repository never happens. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here", null, false, false);
        }
    }

    private static final class CrashingRepository implements HoursRepository {
        private final HoursRepository real;
        private int writesLeft;

        CrashingRepository(HoursRepository real, int writes) {
            this.real = real;
            this.writesLeft = writes;
        }

        private void wrote() {
            if (--writesLeft == 0) {
                throw new Crash();
            }
            if (writesLeft < 0) {
                throw new AssertionError("a write after the process died");
            }
        }

        @Override
        public HoursMonth month(String citizenId, String municipality, YearMonth month) {
            return real.month(citizenId, municipality, month);
        }

        @Override
        public List<HoursMonth> months(String citizenId, String municipality, java.util.Collection<YearMonth> months) {
            return real.months(citizenId, municipality, months);
        }

        @Override
        public boolean save(HoursMonth next, List<dk.mitforlob.inbox.InboxItem> input) {
            boolean saved = real.save(next, input);
            wrote();
            return saved;
        }

        @Override
        public Optional<Placement> placement(String registrationId) {
            return real.placement(registrationId);
        }

        @Override
        public void replace(String citizenId, String registrationId, YearMonth month, int revision) {
            real.replace(citizenId, registrationId, month, revision);
            wrote();
        }

        @Override
        public void moveBegun(MoveRecord move) {
            real.moveBegun(move);
            wrote();
        }

        @Override
        public void moveEnded(String token) {
            real.moveEnded(token);
            wrote();
        }

        @Override
        public List<MoveRecord> movesBegunBefore(Instant before, int limit) {
            return real.movesBegunBefore(before, limit);
        }
    }

    @Test
    void the_move_makes_exactly_the_writes_this_test_cuts_short() {
        PaidHours hours = new PaidHours(store, null, clock, 90);
        String id = registered(hours);
        CrashingRepository counting = new CrashingRepository(store, Integer.MAX_VALUE);

        new PaidHours(counting, null, clock, 90).correct(citizen, id, hours(NEW_DAY, "3", "Forkert dag"));

        assertThat(Integer.MAX_VALUE - counting.writesLeft).isEqualTo(MOVE_WRITES);
    }
}
