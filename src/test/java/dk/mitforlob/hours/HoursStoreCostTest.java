package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.StoreTraffic;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * What one registration and one page read fetch from the store, counted by a MongoDB driver command
 * listener, for a citizen with three years of history and one with one year of the same pattern
 * (more than any of these requests needs to look at): they must fetch the same, give or take a
 * small constant. A store shape in which a
 * request reads or rewrites the whole history (as one ledger per citizen did) fails here, with no
 * timing involved.
 */
class HoursStoreCostTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Employer NETTO = new Employer("Netto", "35954716");
    /** The allowance for unequal month lengths and ids: far below one extra month of registrations. */
    private static final long BYTES_ALLOWED = 2_048;

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final StoreTraffic traffic = new StoreTraffic();
    private final MongoStore measured = MongoStore.connectObserved(own.target().uri(), own.target().database(), traffic);
    private final TestClock clock = new TestClock();
    private final MongoOutbox outbox = new MongoOutbox(new MongoInbox(measured), measured, clock);
    private final HoursRepository repository = new MongoHoursRepository(measured, outbox,
            new MongoMonthlyHours(measured));
    private final PaidHours hours = new PaidHours(repository, null, clock, 90);

    @AfterEach
    void close() throws Exception {
        measured.close();
        own.close();
    }

    private static Citizen citizen(String id) {
        Instant enrolled = Instant.parse("2023-01-01T00:00:00Z");
        return new Citizen(id, "851", id, id, "Test", Programme.RESOURCE_PROGRAMME, null, null, Language.DA, enrolled,
                enrolled, 1);
    }

    /** Three registrations a week, Monday, Wednesday and Friday, from {@code from} up to yesterday, month by month. */
    private int history(Citizen citizen, LocalDate from) {
        Map<YearMonth, HoursMonth> months = new HashMap<>();
        int count = 0;
        for (LocalDate day = from; day.isBefore(TODAY); day = day.plusDays(1)) {
            if (List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY).contains(day.getDayOfWeek())) {
                YearMonth month = YearMonth.from(day);
                HoursMonth before = months.computeIfAbsent(month, m -> HoursMonth.empty(citizen.id(), "851", m));
                months.put(month, before.register(citizen.id() + "-" + day, new HoursEntry(day, NETTO, 16,
                        "Vagt i butikken", null), day.atStartOfDay().toInstant(ZoneOffset.UTC), day, 90).month());
                count++;
            }
        }
        months.values().forEach(month -> repository.save(
                HoursMonth.imported(month.citizenId(), month.municipality(), month.month(), month.registrations()), List.of()));
        return count;
    }

    private StoreTraffic.Cost registration(Citizen citizen) {
        return traffic.of(() -> hours.register(citizen, new HoursInput(TODAY, NETTO, new BigDecimal("4"), null, null,
                null), citizen.id() + "-today"));
    }

    private StoreTraffic.Cost page(Citizen citizen, LocalDate from) {
        return traffic.of(() -> assertThat(hours.registrations(citizen, from, TODAY, false, Optional.empty(), 50)
                .items()).isNotEmpty());
    }

    @Test
    void a_registration_and_a_page_fetch_the_same_on_three_years_of_history_as_on_one() {
        clock.set(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC));
        Citizen longHistory = citizen("citizen-long");
        Citizen shortHistory = citizen("citizen-short");
        int longCount = history(longHistory, TODAY.minusYears(3));
        int shortCount = history(shortHistory, TODAY.minusYears(1));
        assertThat(longCount).as("three years at three a week").isGreaterThan(460);
        assertThat(shortCount).as("a year at three a week").isGreaterThan(150);

        assertSame(registration(shortHistory), registration(longHistory), "a registration");
        assertSame(page(shortHistory, TODAY.minusDays(90)), page(longHistory, TODAY.minusDays(90)),
                "the first page of the registration window");
        assertSame(page(shortHistory, TODAY.minusYears(3)), page(longHistory, TODAY.minusYears(3)),
                "the first page of three years");
        assertSame(traffic.of(() -> hours.summary(shortHistory, TODAY.minusDays(90), TODAY)),
                traffic.of(() -> hours.summary(longHistory, TODAY.minusDays(90), TODAY)),
                "the summary of the registration window");
    }

    private static void assertSame(StoreTraffic.Cost shortHistory, StoreTraffic.Cost longHistory, String what) {
        System.out.printf("HoursStoreCostTest: %s: short history %s, long history %s%n", what, shortHistory,
                longHistory);
        assertThat(longHistory.commands()).as("commands for %s", what).isEqualTo(shortHistory.commands());
        assertThat(Math.abs(longHistory.replyBytes() - shortHistory.replyBytes()))
                .as("reply bytes for %s: %s against %s", what, longHistory, shortHistory)
                .isLessThanOrEqualTo(BYTES_ALLOWED);
    }
}
