package dk.mitforlob.wishes;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.mitforlob.evaluation.Enrollments;

/**
 * Counts, for the evaluators, how often each wish and interest group is chosen, from every
 * citizen's current wishes when a month's release is taken ({@link MonthlyWishesRelease}). Both what citizens chose and where they are enrolled come from
 * roll-ups kept up to date as they change ({@link WishesRollup}, {@link Enrollments}), so a table
 * reads a few dozen documents however many citizens there are.
 */
public final class WishesStatistics {

    private final WishesRollup rollup;
    private final Enrollments enrollments;

    public WishesStatistics(WishesRollup rollup, Enrollments enrollments) {
        this.rollup = rollup;
        this.enrollments = enrollments;
    }

    /** What every enrolled citizen has chosen now, counted per group, before anything is hidden: a release's content. */
    public SortedMap<String, Map<String, Long>> counts(GroupBy groupBy) {
        Map<String, Enrollments.Enrolled> enrolled = new HashMap<>();
        enrollments.all().forEach(e -> enrolled.put(e.citizenId(), e));
        SortedMap<String, WishesTable.Counts> byGroup = new TreeMap<>();
        for (WishesRollup.Tally tally : rollup.all()) {
            Enrollments.Enrolled citizen = enrolled.get(tally.citizenId());
            if (citizen != null) {
                String group = switch (groupBy) {
                    case MUNICIPALITY -> citizen.municipality();
                    case PROGRAMME -> citizen.programme().code();
                };
                byGroup.computeIfAbsent(group, g -> new WishesTable.Counts())
                        .add(tally.wishTypes(), tally.interestGroups());
            }
        }
        SortedMap<String, Map<String, Long>> counts = new TreeMap<>();
        byGroup.forEach((group, c) -> counts.put(group, c.byColumn()));
        return counts;
    }

    /** A month's table in one grouping, with small cells hidden against every grouping of the release. */
    public static WishesTable table(WishesRelease release, GroupBy groupBy) {
        Map<GroupBy, SortedMap<String, WishesTable.Counts>> groupings = new java.util.EnumMap<>(GroupBy.class);
        release.groups().forEach((grouping, rows) -> {
            SortedMap<String, WishesTable.Counts> byGroup = new TreeMap<>();
            rows.forEach((group, figures) -> byGroup.put(group, WishesTable.Counts.ofColumns(figures)));
            groupings.put(grouping, byGroup);
        });
        return WishesTable.of(groupBy, groupings);
    }
}
