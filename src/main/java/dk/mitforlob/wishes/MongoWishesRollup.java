package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.Rollup;

/**
 * {@link WishesRollup} in the {@code wishes_rollup} collection: {@value Rollup#BUCKETS} documents,
 * each holding {@code c.<citizen>} = version, wish type codes and interest groups for its share of
 * the citizens.
 */
public final class MongoWishesRollup implements WishesRollup {

    private final Rollup rollup;

    public MongoWishesRollup(MongoStore store) {
        this.rollup = new Rollup(store.collection("wishes_rollup"));
    }

    @Override
    public void record(String citizenId, long version, Wishes wishes) {
        String field = "c." + citizenId;
        rollup.setIfNewer(Integer.toString(Rollup.bucket(citizenId)), field, new Document("v", version)
                        .append("w", wishes.wishTypes().stream().map(WishType::code).toList())
                        .append("g", new ArrayList<>(wishes.interestGroups())),
                field + ".v", version);
    }

    @Override
    public List<Tally> all() {
        List<Tally> all = new ArrayList<>();
        for (Document doc : rollup.read(Rollup.ids(""))) {
            Document citizens = doc.get("c", Document.class);
            if (citizens == null) {
                continue;
            }
            citizens.forEach((id, value) -> {
                Document entry = (Document) value;
                if (entry.get("v", Number.class).longValue() < 1) {
                    return;
                }
                Set<WishType> types = EnumSet.noneOf(WishType.class);
                entry.getList("w", String.class, List.of()).forEach(code -> types.add(WishType.fromCode(code)));
                all.add(new Tally(id, types, new TreeSet<>(entry.getList("g", String.class, List.of()))));
            });
        }
        return all;
    }
}
