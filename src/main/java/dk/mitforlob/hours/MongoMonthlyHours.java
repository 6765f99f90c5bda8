package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.Rollup;

/**
 * {@link MonthlyHours} in the {@code hours_rollup} collection: a document per year and bucket of
 * citizens, holding {@code c.<citizen>.<MM>} for each month with hours. The month's version and
 * its quarters share one number, {@code version × 4096 + quarters} (a month holds at most 2,976
 * quarters), so {@code $max} keeps the newest version's count and a year of 10,000 citizens is 64
 * documents.
 */
public final class MongoMonthlyHours implements MonthlyHours {

    private static final long QUARTERS_SPAN = 4096;

    private final MongoCollection<Document> documents;
    private final Rollup rollup;

    public MongoMonthlyHours(MongoStore store) {
        this.documents = store.collection("hours_rollup");
        this.rollup = new Rollup(documents);
    }

    @Override
    public void record(String citizenId, YearMonth month, long version, int quarters) {
        documents.updateOne(Filters.eq("_id", id(citizenId, month)), Updates.max(field(citizenId, month),
                version * QUARTERS_SPAN + quarters), new UpdateOptions().upsert(true));
    }

    /** Records many months at once, one write per roll-up document: for imports and migrations. */
    public void recordAll(List<Counted> months) {
        Map<String, List<Bson>> byDocument = new HashMap<>();
        for (Counted month : months) {
            byDocument.computeIfAbsent(id(month.citizenId(), month.month()), d -> new ArrayList<>())
                    .add(Updates.max(field(month.citizenId(), month.month()),
                            month.version() * QUARTERS_SPAN + month.quarters()));
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byDocument.forEach((id, updates) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.combine(updates), new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            documents.bulkWrite(writes);
        }
    }

    /** A month's count as of a version of the month. */
    public record Counted(String citizenId, YearMonth month, long version, int quarters) {
    }

    private static String id(String citizenId, YearMonth month) {
        return month.getYear() + "|" + Rollup.bucket(citizenId);
    }

    private static String field(String citizenId, YearMonth month) {
        return "c." + citizenId + "." + String.format("%02d", month.getMonthValue());
    }

    @Override
    public List<HoursRepository.CitizenMonth> between(YearMonth from, YearMonth to) {
        List<String> ids = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            ids.addAll(Rollup.ids(year + "|"));
        }
        List<HoursRepository.CitizenMonth> months = new ArrayList<>();
        for (Document doc : rollup.read(ids)) {
            int year = Integer.parseInt(doc.getString("_id").substring(0, doc.getString("_id").indexOf('|')));
            Document citizens = doc.get("c", Document.class);
            if (citizens == null) {
                continue;
            }
            citizens.forEach((citizenId, perMonth) -> ((Document) perMonth).forEach((mm, value) -> {
                YearMonth month = YearMonth.of(year, Integer.parseInt(mm));
                long quarters = ((Number) value).longValue() % QUARTERS_SPAN;
                if (quarters > 0 && !month.isBefore(from) && !month.isAfter(to)) {
                    months.add(new HoursRepository.CitizenMonth(citizenId, month.toString(), quarters));
                }
            }));
        }
        return months;
    }
}
