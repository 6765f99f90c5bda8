package dk.mitforlob.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.Rollup;

/**
 * {@link Enrollments} in the {@code evaluation_enrollments} collection: {@value Rollup#BUCKETS}
 * documents, each holding {@code c.<citizen>} = version, municipality, programme and day of
 * enrollment for its share of the citizens.
 */
public final class MongoEnrollments implements Enrollments {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Rollup rollup;

    public MongoEnrollments(MongoStore store) {
        this.rollup = new Rollup(store.collection("evaluation_enrollments"));
    }

    @Override
    public void record(Citizen citizen) {
        String field = "c." + citizen.id();
        rollup.setIfNewer(Integer.toString(Rollup.bucket(citizen.id())), field,
                new Document("v", citizen.version())
                        .append("m", citizen.municipality())
                        .append("p", citizen.programme().code())
                        .append("e", LocalDate.ofInstant(citizen.enrolledAt(), COPENHAGEN).toString()),
                field + ".v", citizen.version());
    }

    @Override
    public List<Enrolled> all() {
        List<Enrolled> all = new ArrayList<>();
        for (Document doc : rollup.read(Rollup.ids(""))) {
            Document citizens = doc.get("c", Document.class);
            if (citizens != null) {
                citizens.forEach((id, value) -> {
                    Document entry = (Document) value;
                    all.add(new Enrolled(id, entry.getString("m"), Programme.fromCode(entry.getString("p")),
                            LocalDate.parse(entry.getString("e")), entry.get("v", Number.class).longValue()));
                });
            }
        }
        return all;
    }
}
