package dk.mitforlob.wishes;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;

/**
 * The wishes table of one ended calendar month: what every enrolled citizen had chosen when the
 * month ended, counted per municipality and per programme, before anything is hidden. It never
 * changes once taken, so the table read for a month is the same on every read: two live reads a
 * day apart could be subtracted to see what one citizen changed.
 *
 * @param takenAt when the snapshot was taken: at the month's end, or as soon after as the service ran
 * @param groups  per grouping, per group code: each column of {@link WishesTable#columns()} → count
 */
public record WishesRelease(YearMonth month, Instant takenAt,
                            Map<GroupBy, SortedMap<String, Map<String, Long>>> groups) {

    public WishesRelease {
        groups = Map.copyOf(groups);
    }
}
