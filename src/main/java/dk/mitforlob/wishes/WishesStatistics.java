package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;

/**
 * Counts, for the evaluators, how often each wish and interest group is chosen, from every
 * citizen's current wishes. Citizens are looked up in batches, so memory stays flat however many
 * there are.
 */
public final class WishesStatistics {

    private static final int BATCH = 500;

    private final WishesRepository repository;
    private final Citizens citizens;

    public WishesStatistics(WishesRepository repository, Citizens citizens) {
        this.repository = repository;
        this.citizens = citizens;
    }

    public WishesTable table(GroupBy groupBy) {
        SortedMap<String, WishesTable.Counts> byGroup = new TreeMap<>();
        List<WishesRepository.Stated> batch = new ArrayList<>();
        repository.forEachCurrent(stated -> {
            batch.add(stated);
            if (batch.size() == BATCH) {
                count(batch, groupBy, byGroup);
                batch.clear();
            }
        });
        count(batch, groupBy, byGroup);
        return WishesTable.of(groupBy, byGroup);
    }

    private void count(List<WishesRepository.Stated> batch, GroupBy groupBy,
                       SortedMap<String, WishesTable.Counts> byGroup) {
        Map<String, Citizen> found = citizens.byIds(batch.stream().map(WishesRepository.Stated::citizenId).toList());
        for (WishesRepository.Stated stated : batch) {
            Citizen citizen = found.get(stated.citizenId());
            if (citizen != null) {
                String group = switch (groupBy) {
                    case MUNICIPALITY -> citizen.municipality();
                    case PROGRAMME -> citizen.programme().code();
                };
                byGroup.computeIfAbsent(group, g -> new WishesTable.Counts()).add(stated.wishes());
            }
        }
    }
}
