package dk.mitforlob.wishes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Takes the wishes table's snapshot for each month as it ends (midnight in Europe/Copenhagen, so
 * 22:00 UTC at the end of a summer month and 23:00 UTC at the end of a winter one). Runs at short
 * intervals on every instance: a month already released is left alone, and two instances that
 * take the same month at once store one snapshot ({@link WishesReleases#insertIfAbsent}).
 */
public final class MonthlyWishesRelease {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final WishesStatistics statistics;
    private final WishesReleases releases;
    private final Clock clock;

    public MonthlyWishesRelease(WishesStatistics statistics, WishesReleases releases, Clock clock) {
        this.statistics = statistics;
        this.releases = releases;
        this.clock = clock;
    }

    /** The last calendar month that has ended, in Copenhagen. */
    public YearMonth lastEnded() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), COPENHAGEN)).minusMonths(1);
    }

    /** Releases the month that has just ended, unless it is released already; the periodic task. */
    public void run() {
        releaseLastEnded();
    }

    /** The last ended month's release, taken now if no instance has taken it yet. */
    public WishesRelease releaseLastEnded() {
        YearMonth month = lastEnded();
        Optional<WishesRelease> existing = releases.find(month);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<GroupBy, SortedMap<String, Map<String, Long>>> groups = new EnumMap<>(GroupBy.class);
        for (GroupBy groupBy : GroupBy.values()) {
            groups.put(groupBy, statistics.counts(groupBy));
        }
        releases.insertIfAbsent(new WishesRelease(month, clock.instant(), groups));
        // the stored one, which another instance may have written first
        return releases.find(month).orElseThrow();
    }

    /** A month's release: only an ended one, and the last ended one is taken on first demand. */
    public Optional<WishesRelease> release(YearMonth month) {
        if (month.equals(lastEnded())) {
            return Optional.of(releaseLastEnded());
        }
        return month.isBefore(lastEnded()) ? releases.find(month) : Optional.empty();
    }
}
