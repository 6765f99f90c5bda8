package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.evaluation.MongoEnrollments;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * The wishes table's monthly snapshot, under a fixed clock: taken when the month ends in
 * Copenhagen (also across the switch to and from summer time), once, and the same on every
 * instance; what citizens change afterwards shows in the next month's release, not in this one.
 */
class MonthlyWishesReleaseTest {

    private final TestClock clock = new TestClock();
    private TestStores.OwnStore store;
    private MongoWishesRollup rollup;
    private MongoEnrollments enrollments;
    private MonthlyWishesRelease release;

    @BeforeEach
    void emptyStore() {
        store = TestStores.ownStore();
        rollup = new MongoWishesRollup(store.store());
        enrollments = new MongoEnrollments(store.store());
        release = instance();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private MonthlyWishesRelease instance() {
        return instance(clock);
    }

    private MonthlyWishesRelease instance(java.time.Clock of) {
        return new MonthlyWishesRelease(new WishesStatistics(rollup, enrollments),
                new MongoWishesReleases(store.store()), of);
    }

    private void citizen(String id, long version, WishType... types) {
        enrollments.record(new Citizen(id, "851", "ref-" + id, "hmac-" + id, "Name", Programme.RESOURCE_PROGRAMME,
                null, null, Language.DA, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 1));
        List<Wish> wishes = new ArrayList<>();
        for (WishType type : types) {
            wishes.add(new Wish(type, "tekst"));
        }
        rollup.record(id, version, new Wishes(new Interests(List.of("52"), null), wishes, null, null, null));
    }

    private long mentors(YearMonth month) {
        WishesRelease stored = new MongoWishesReleases(store.store()).find(month).orElseThrow();
        return stored.groups().get(GroupBy.MUNICIPALITY).get("851").get("wishes.mentor");
    }

    @Test
    void march_ends_at_22_utc_in_summer_time_and_its_snapshot_is_taken_then() {
        citizen("a", 1, WishType.MENTOR);
        clock.set(Instant.parse("2026-03-31T21:59:59Z"));
        release.run();
        assertThat(release.lastEnded()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(new MongoWishesReleases(store.store()).find(YearMonth.of(2026, 3))).as("23:59:59 CEST").isEmpty();

        clock.set(Instant.parse("2026-03-31T22:00:00Z"));
        release.run();
        assertThat(mentors(YearMonth.of(2026, 3))).isEqualTo(1);
        assertThat(new MongoWishesReleases(store.store()).find(YearMonth.of(2026, 3)).orElseThrow().takenAt())
                .isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void october_ends_at_23_utc_after_the_switch_back_to_winter_time() {
        citizen("a", 1, WishType.MENTOR);
        clock.set(Instant.parse("2026-10-31T22:59:59Z"));
        assertThat(release.lastEnded()).isEqualTo(YearMonth.of(2026, 9));
        clock.set(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(release.lastEnded()).isEqualTo(YearMonth.of(2026, 10));
        release.run();
        assertThat(mentors(YearMonth.of(2026, 10))).isEqualTo(1);
    }

    @Test
    void a_change_after_the_month_ended_shows_in_the_next_release_not_in_this_one() {
        citizen("a", 1, WishType.MENTOR);
        citizen("b", 1, WishType.MENTOR);
        clock.set(Instant.parse("2026-11-01T00:00:30Z"));
        release.run();
        citizen("a", 2, WishType.EDUCATION_OR_COURSE);
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        release.run();

        assertThat(mentors(YearMonth.of(2026, 10))).as("as at the end of October").isEqualTo(2);
        assertThat(release.release(YearMonth.of(2026, 10)).orElseThrow().takenAt())
                .isEqualTo(Instant.parse("2026-11-01T00:00:30Z"));
        clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        release.run();
        assertThat(mentors(YearMonth.of(2026, 11))).isEqualTo(1);
        assertThat(release.release(YearMonth.of(2026, 12))).as("not ended").isEmpty();
        assertThat(release.release(YearMonth.of(2026, 9))).as("ended before any snapshot was taken").isEmpty();
    }

    @Test
    void instances_taking_the_same_month_at_once_store_one_snapshot_and_all_read_it() throws Exception {
        citizen("a", 1, WishType.MENTOR);
        // each instance's clock a second apart: whichever stored first, all read that one
        List<MonthlyWishesRelease> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestClock own = new TestClock();
            own.set(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
            instances.add(instance(own));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            List<Callable<WishesRelease>> runs = new ArrayList<>();
            for (MonthlyWishesRelease instance : instances) {
                runs.add(instance::releaseLastEnded);
            }
            List<WishesRelease> taken = new ArrayList<>();
            for (Future<WishesRelease> run : pool.invokeAll(runs)) {
                taken.add(run.get());
            }
            assertThat(taken).extracting(WishesRelease::takenAt).containsOnly(taken.get(0).takenAt());
            assertThat(taken).extracting(WishesRelease::groups).containsOnly(taken.get(0).groups());
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.store().collection("wishes_releases").countDocuments()).isEqualTo(1);
    }
}
