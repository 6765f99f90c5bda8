package dk.mitforlob.hours;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Paid hours in three collections. {@code hours_months}: one document per citizen and month
 * ({@code _id} {@code <citizen>|<yyyy-MM>}), its registrations with every revision, the moves out
 * of it under way, the ids that moved out, its version, the quarters it counts and the outbox of
 * its inbox items; every change is one compare-and-set write on the version.
 * {@code hours_placements}: which month holds a registration that moved away from the month its id
 * names, or whose id names none (ids of the first shape). {@code hours_moves}: moves between months
 * under way ({@link RegistrationMoves}). Every read is by {@code _id}, which the embedded store
 * answers from its index too.
 */
public final class MongoHoursRepository implements HoursRepository {

    static final String MONTHS = "hours_months";

    private final MongoCollection<Document> months;
    private final MongoCollection<Document> placements;
    private final MongoCollection<Document> moves;
    private final MongoOutbox outbox;
    private final MongoMonthlyHours monthlyHours;

    public MongoHoursRepository(MongoStore store, MongoOutbox outbox, MongoMonthlyHours monthlyHours) {
        this.months = store.collection(MONTHS);
        this.placements = store.collection("hours_placements");
        placements.createIndex(Indexes.ascending("citizenId"));
        this.moves = store.collection("hours_moves");
        this.outbox = outbox;
        this.monthlyHours = monthlyHours;
        outbox.register(months, this::rollUp);
    }

    static String id(String citizenId, YearMonth month) {
        return citizenId + "|" + month;
    }

    @Override
    public Optional<YearMonth> earliestMonth(String citizenId) {
        // ids are "<citizen>|<yyyy-MM>": the first in the citizen's range of the _id index is the earliest month
        Document first = months.find(Filters.and(Filters.gte("_id", citizenId + "|"), Filters.lt("_id", citizenId + "}")))
                .projection(Projections.include("_id")).sort(Sorts.ascending("_id")).limit(1).first();
        return Optional.ofNullable(first).map(doc -> YearMonth.parse(doc.getString("_id").substring(citizenId.length() + 1)));
    }

    @Override
    public HoursMonth month(String citizenId, String municipality, YearMonth month) {
        Document doc = months.find(Filters.eq("_id", id(citizenId, month))).projection(Projections.exclude("outbox"))
                .first();
        return doc == null ? HoursMonth.empty(citizenId, municipality, month) : fromDocument(doc);
    }

    @Override
    public List<HoursMonth> months(String citizenId, String municipality, Collection<YearMonth> wanted) {
        List<HoursMonth> found = new ArrayList<>();
        months.find(Filters.in("_id", wanted.stream().map(m -> id(citizenId, m)).toList()))
                .projection(Projections.exclude("outbox"))
                .forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    @Override
    public boolean save(HoursMonth next, List<InboxItem> input) {
        String id = id(next.citizenId(), next.month());
        String ticket = outbox.announce(months, id);
        boolean stored;
        if (next.version() == 1) {
            stored = MongoWrites.insertIfAbsent(months, MongoOutbox.withOutbox(toDocument(next), input));
        } else {
            List<Bson> changes = new ArrayList<>(List.of(
                    Updates.set("version", next.version()),
                    Updates.set("quarters", next.countedQuarters()),
                    Updates.set("registrations", registrations(next)),
                    Updates.set("outgoing", outgoing(next)),
                    Updates.set("abandoned", next.abandoned()),
                    Updates.set("left", next.left())));
            if (!input.isEmpty()) {
                changes.add(MongoOutbox.push(input));
            }
            stored = months.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", next.version() - 1)),
                    Updates.combine(changes)).getMatchedCount() == 1;
        }
        if (stored) {
            outbox.flush(months, id, ticket, input, () -> monthlyHours.record(next.citizenId(), next.month(),
                    next.version(), next.countedQuarters()));
        } else {
            outbox.cancel(ticket);
        }
        return stored;
    }

    /**
     * Writes whole months at once, replacing any with the same ids, with the placements of their
     * registrations and their counts for the evaluators: for moving data in (the start-up
     * migration) and for a benchmark's population. Not for months that may be changing meanwhile.
     */
    public void importMonths(List<HoursMonth> imported) {
        List<WriteModel<Document>> monthWrites = new ArrayList<>();
        List<WriteModel<Document>> placementWrites = new ArrayList<>();
        List<MongoMonthlyHours.Counted> counts = new ArrayList<>();
        for (HoursMonth month : imported) {
            String id = id(month.citizenId(), month.month());
            monthWrites.add(new ReplaceOneModel<>(Filters.eq("_id", id), toDocument(month),
                    new ReplaceOptions().upsert(true)));
            for (Registration registration : month.registrations()) {
                if (RegistrationIds.month(registration.id()).filter(month.month()::equals).isPresent()) {
                    continue;
                }
                placementWrites.add(new ReplaceOneModel<>(Filters.eq("_id", registration.id()),
                        new Document("_id", registration.id()).append("citizenId", month.citizenId())
                                .append("month", month.month().toString())
                                .append("revision", registration.current().number()),
                        new ReplaceOptions().upsert(true)));
            }
            counts.add(new MongoMonthlyHours.Counted(month.citizenId(), month.month(), month.version(),
                    month.countedQuarters()));
        }
        if (!monthWrites.isEmpty()) {
            months.bulkWrite(monthWrites, new BulkWriteOptions().ordered(false));
        }
        if (!placementWrites.isEmpty()) {
            placements.bulkWrite(placementWrites, new BulkWriteOptions().ordered(false));
        }
        monthlyHours.recordAll(counts);
    }

    /** What the evaluators' roll-up derives from a month: its count as of its version. */
    private void rollUp(Object id) {
        Document doc = months.find(Filters.eq("_id", id))
                .projection(Projections.include("citizenId", "month", "version", "quarters")).first();
        if (doc != null) {
            monthlyHours.record(doc.getString("citizenId"), YearMonth.parse(doc.getString("month")),
                    doc.get("version", Number.class).longValue(), doc.get("quarters", Number.class).intValue());
        }
    }

    @Override
    public Optional<Placement> placement(String registrationId) {
        return Optional.ofNullable(placements.find(Filters.eq("_id", registrationId)).first())
                .map(doc -> new Placement(doc.getString("citizenId"), YearMonth.parse(doc.getString("month")),
                        doc.get("revision", Number.class).intValue()));
    }

    @Override
    public void replace(String citizenId, String registrationId, YearMonth month, int revision) {
        MongoWrites.unlessDuplicate(() -> {
            // no placement yet, or an older one: upserted; a newer one: the upsert hits the _id and changes nothing
            placements.updateOne(Filters.and(Filters.eq("_id", registrationId), Filters.lt("revision", revision)),
                    Updates.combine(Updates.set("citizenId", citizenId), Updates.set("month", month.toString()),
                            Updates.set("revision", revision)), new UpdateOptions().upsert(true));
            return true;
        });
    }

    @Override
    public void moveBegun(MoveRecord move) {
        moves.insertOne(new Document("_id", move.token())
                .append("citizenId", move.citizenId())
                .append("municipality", move.municipality())
                .append("registrationId", move.registrationId())
                .append("from", move.from().toString())
                .append("to", move.to().toString())
                .append("revision", move.revision())
                .append("begun", Date.from(move.begun())));
    }

    @Override
    public void moveEnded(String token) {
        moves.deleteOne(Filters.eq("_id", token));
    }

    @Override
    public List<MoveRecord> movesBegunBefore(Instant before, int limit) {
        List<MoveRecord> found = new ArrayList<>();
        moves.find(Filters.lt("begun", Date.from(before))).limit(limit).forEach(doc -> found.add(new MoveRecord(
                doc.getString("_id"), doc.getString("citizenId"), doc.getString("municipality"),
                doc.getString("registrationId"), YearMonth.parse(doc.getString("from")),
                YearMonth.parse(doc.getString("to")), doc.get("revision", Number.class).intValue(),
                doc.getDate("begun").toInstant())));
        return found;
    }

    /** The stored form of a month; the start-up migration writes months in it too. */
    static Document toDocument(HoursMonth month) {
        return new Document("_id", id(month.citizenId(), month.month()))
                .append("citizenId", month.citizenId())
                .append("municipality", month.municipality())
                .append("month", month.month().toString())
                .append("version", month.version())
                .append("quarters", month.countedQuarters())
                .append("registrations", registrations(month))
                .append("outgoing", outgoing(month))
                .append("abandoned", month.abandoned())
                .append("left", month.left());
    }

    private static List<Document> registrations(HoursMonth month) {
        return month.registrations().stream().map(MongoHoursRepository::toDocument).toList();
    }

    private static List<Document> outgoing(HoursMonth month) {
        List<Document> leaving = new ArrayList<>();
        month.outgoing().forEach((registrationId, move) -> leaving.add(new Document("registrationId", registrationId)
                .append("token", move.token())
                .append("to", move.to().toString())
                .append("revision", JsonDocuments.toDocument(move.revision()))
                .append("since", Date.from(move.since()))));
        return leaving;
    }

    /** A registration with its revisions; the first shape also kept its status and last revision beside them. */
    static Document toDocument(Registration registration) {
        return JsonDocuments.toDocument(registration);
    }

    static Registration registration(Document stored) {
        return JsonDocuments.fromDocument(stored, Registration.class);
    }

    private static HoursMonth fromDocument(Document doc) {
        List<Registration> registrations = doc.getList("registrations", Document.class, List.of()).stream()
                .map(MongoHoursRepository::registration).toList();
        Map<String, HoursMonth.Move> outgoing = new LinkedHashMap<>();
        for (Document move : doc.getList("outgoing", Document.class, List.of())) {
            outgoing.put(move.getString("registrationId"), new HoursMonth.Move(move.getString("token"),
                    YearMonth.parse(move.getString("to")),
                    JsonDocuments.fromDocument(move.get("revision", Document.class), Revision.class),
                    move.getDate("since").toInstant()));
        }
        return new HoursMonth(doc.getString("citizenId"), doc.getString("municipality"),
                YearMonth.parse(doc.getString("month")), doc.get("version", Number.class).longValue(), registrations,
                outgoing, doc.getList("abandoned", String.class, List.of()), doc.getList("left", String.class, List.of()));
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        placements.deleteMany(Filters.eq("citizenId", citizenId));
        moves.deleteMany(Filters.eq("citizenId", citizenId));
        // month ids are "<citizen>|<yyyy-MM>"
        months.deleteMany(Filters.and(Filters.gte("_id", citizenId + "|"), Filters.lt("_id", citizenId + "}")));
    }
}
