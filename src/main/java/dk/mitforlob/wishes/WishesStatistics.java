package dk.mitforlob.wishes;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.mitforlob.evaluation.Enrollments;

/**
 * Counts, for the evaluators, how often each wish and interest group is chosen, from every
 * citizen's current wishes. Both what citizens chose and where they are enrolled come from
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

    public WishesTable table(GroupBy groupBy) {
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
        return WishesTable.of(groupBy, byGroup);
    }
}
