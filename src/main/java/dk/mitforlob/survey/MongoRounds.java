package dk.mitforlob.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/** Rounds in {@code survey_rounds}, one document each, with the opening lease and the fixed invited counts. */
public final class MongoRounds implements RoundRepository {

    private final MongoCollection<Document> rounds;

    public MongoRounds(MongoStore store) {
        this.rounds = store.collection("survey_rounds");
        rounds.createIndex(Indexes.ascending("closesAt"));
        rounds.createIndex(Indexes.compoundIndex(Indexes.descending("opensAt"), Indexes.ascending("_id")));
    }

    @Override
    public boolean insert(SurveyRound round) {
        return MongoWrites.insertIfAbsent(rounds, new Document("_id", round.id())
                .append("questionnaireId", round.questionnaireId())
                .append("questionnaireVersion", round.questionnaireVersion())
                .append("title", new Document(new LinkedHashMap<>(round.title())))
                .append("target", new Document("programmes", round.target().programmes().stream()
                        .map(Programme::code).toList())
                        .append("municipalities", round.target().municipalities()))
                .append("opensAtLocal", round.opensAtLocal().toString())
                .append("closesAtLocal", round.closesAtLocal().toString())
                .append("opensAt", Date.from(round.opensAt()))
                .append("closesAt", Date.from(round.closesAt()))
                .append("createdAt", Date.from(round.createdAt()))
                .append("fixed", false));
    }

    @Override
    public Optional<SurveyRound> byId(String roundId) {
        return Optional.ofNullable(rounds.find(Filters.eq("_id", roundId)).first()).map(MongoRounds::read);
    }

    @Override
    public List<SurveyRound> page(Optional<SurveyRound> after, int limit) {
        Bson filter = after.map(a -> Filters.or(Filters.lt("opensAt", Date.from(a.opensAt())),
                Filters.and(Filters.eq("opensAt", Date.from(a.opensAt())), Filters.gt("_id", a.id()))))
                .orElse(new Document());
        return list(filter, Sorts.orderBy(Sorts.descending("opensAt"), Sorts.ascending("_id")), limit);
    }

    @Override
    public List<SurveyRound> openAt(Instant now) {
        return list(Filters.and(Filters.lte("opensAt", Date.from(now)), Filters.gt("closesAt", Date.from(now))),
                Sorts.ascending("closesAt"), 0);
    }

    @Override
    public List<SurveyRound> dueUnfixed(Instant now) {
        return list(Filters.and(Filters.lte("opensAt", Date.from(now)), Filters.eq("fixed", false)),
                Sorts.ascending("opensAt"), 0);
    }

    @Override
    public boolean claimOpening(String roundId, String holder, String renewing, Instant now, Instant leaseUntil) {
        Bson free = renewing != null ? Filters.eq("holder", renewing)
                : Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", Date.from(now)));
        return rounds.updateOne(Filters.and(Filters.eq("_id", roundId), Filters.eq("fixed", false), free),
                Updates.combine(Updates.set("holder", holder), Updates.set("leaseUntil", Date.from(leaseUntil))))
                .getModifiedCount() == 1;
    }

    @Override
    public boolean finishOpening(String roundId, String holder, SurveyRound.InvitedCounts invited) {
        return rounds.updateOne(Filters.and(Filters.eq("_id", roundId), Filters.eq("fixed", false),
                        Filters.eq("holder", holder)),
                Updates.combine(Updates.set("fixed", true),
                        Updates.set("invited", new Document("total", invited.total())
                                .append("byMunicipality", new Document(new LinkedHashMap<>(invited.byMunicipality())))
                                .append("byProgramme", new Document(new LinkedHashMap<>(invited.byProgramme())))),
                        Updates.unset("holder"), Updates.unset("leaseUntil")))
                .getModifiedCount() == 1;
    }

    private List<SurveyRound> list(Bson filter, Bson sort, int limit) {
        List<SurveyRound> found = new ArrayList<>();
        rounds.find(filter).sort(sort).limit(limit).forEach(doc -> found.add(read(doc)));
        return found;
    }

    private static SurveyRound read(Document doc) {
        Document target = doc.get("target", Document.class);
        Document invited = doc.get("invited", Document.class);
        return new SurveyRound(doc.getString("_id"), doc.getString("questionnaireId"),
                doc.get("questionnaireVersion", Number.class).intValue(), strings(doc.get("title", Document.class)),
                new Target(target.getList("programmes", String.class).stream().map(Programme::fromCode).toList(),
                        target.getList("municipalities", String.class)),
                LocalDateTime.parse(doc.getString("opensAtLocal")), LocalDateTime.parse(doc.getString("closesAtLocal")),
                doc.getDate("opensAt").toInstant(), doc.getDate("closesAt").toInstant(),
                doc.getDate("createdAt").toInstant(),
                doc.getBoolean("fixed", false) && invited != null ? new SurveyRound.InvitedCounts(
                        invited.get("total", Number.class).longValue(), longs(invited.get("byMunicipality", Document.class)),
                        longs(invited.get("byProgramme", Document.class))) : null);
    }

    private static Map<String, String> strings(Document doc) {
        Map<String, String> map = new LinkedHashMap<>();
        doc.forEach((key, value) -> map.put(key, (String) value));
        return map;
    }

    private static Map<String, Long> longs(Document doc) {
        Map<String, Long> map = new LinkedHashMap<>();
        doc.forEach((key, value) -> map.put(key, ((Number) value).longValue()));
        return map;
    }
}
