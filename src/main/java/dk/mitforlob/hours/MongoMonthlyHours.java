package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.Rollup;

/**
 * {@link MonthlyHours} in the {@code hours_rollup} collection: a document per year and bucket of
 * citizens, holding {@code c.<citizen>.<MM>} for each month with hours. The month's version and
 * its quarters share one number, {@code version × 4096 + quarters} (a month holds at most 2,976
 * quarters), so one guarded write keeps the newest and a year of 10,000 citizens is 64 documents.
 */
public final class MongoMonthlyHours implements MonthlyHours {

    private static final long QUARTERS_SPAN = 4096;

    private final Rollup rollup;

    public MongoMonthlyHours(MongoStore store) {
        this.rollup = new Rollup(store.collection("hours_rollup"));
    }

    @Override
    public void record(String citizenId, YearMonth month, long version, int quarters) {
        String field = "c." + citizenId + "." + String.format("%02d", month.getMonthValue());
        long value = version * QUARTERS_SPAN + quarters;
        rollup.setIfNewer(month.getYear() + "|" + Rollup.bucket(citizenId), field, value, field, value);
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
