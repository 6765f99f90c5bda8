package dk.mitforlob.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dk.mitforlob.platform.storage.JsonDocuments;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/** Questionnaire versions in {@code survey_questionnaires}, one document per version, {@code _id} "id:version". */
public final class MongoQuestionnaires implements QuestionnaireRepository {

    private final MongoCollection<Document> versions;

    public MongoQuestionnaires(MongoStore store) {
        this.versions = store.collection("survey_questionnaires");
        versions.createIndex(Indexes.ascending("questionnaireId", "version"));
        versions.createIndex(Indexes.ascending("operationId"));
    }

    @Override
    public Optional<QuestionnaireVersion> version(String questionnaireId, int version) {
        return one(Filters.eq("_id", questionnaireId + ":" + version));
    }

    @Override
    public Optional<QuestionnaireVersion> latest(String questionnaireId) {
        return Optional.ofNullable(versions.find(Filters.eq("questionnaireId", questionnaireId))
                .sort(Sorts.descending("version")).first()).map(MongoQuestionnaires::read);
    }

    @Override
    public Optional<QuestionnaireVersion> byOperation(String operationId) {
        return one(Filters.eq("operationId", operationId));
    }

    @Override
    public boolean insert(QuestionnaireVersion version) {
        return MongoWrites.insertIfAbsent(versions, toDocument(version));
    }

    @Override
    public boolean replace(QuestionnaireVersion version, long expectedRevision) {
        return versions.replaceOne(Filters.and(Filters.eq("_id", id(version)), Filters.eq("revision", expectedRevision)),
                toDocument(version)).getModifiedCount() == 1;
    }

    @Override
    public List<QuestionnaireVersion> versions(String questionnaireId) {
        List<QuestionnaireVersion> found = new ArrayList<>();
        versions.find(Filters.eq("questionnaireId", questionnaireId)).sort(Sorts.ascending("version"))
                .forEach(doc -> found.add(read(doc)));
        return found;
    }

    @Override
    public List<String> ids(Optional<String> afterId, int limit) {
        Bson first = Filters.eq("version", 1);
        List<String> ids = new ArrayList<>();
        versions.find(afterId.map(after -> Filters.and(first, Filters.gt("questionnaireId", after))).orElse(first))
                .sort(Sorts.ascending("questionnaireId")).limit(limit)
                .forEach(doc -> ids.add(doc.getString("questionnaireId")));
        return ids;
    }

    private Optional<QuestionnaireVersion> one(Bson filter) {
        return Optional.ofNullable(versions.find(filter).first()).map(MongoQuestionnaires::read);
    }

    private static String id(QuestionnaireVersion version) {
        return version.questionnaireId() + ":" + version.version();
    }

    private static Document toDocument(QuestionnaireVersion version) {
        Document doc = JsonDocuments.toDocument(version);
        doc.put("_id", id(version));
        // numbers the filters compare are written with one type, whatever JSON made of them
        doc.put("version", version.version());
        doc.put("revision", version.revision());
        return doc;
    }

    private static QuestionnaireVersion read(Document doc) {
        doc.remove("_id");
        return JsonDocuments.fromDocument(doc, QuestionnaireVersion.class);
    }
}
