package dk.mitforlob.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/** Citizens in the {@code citizens} collection, one document each. */
public final class MongoCitizenRepository implements CitizenRepository {

    private final MongoCollection<Document> citizens;

    public MongoCitizenRepository(MongoStore store) {
        this.citizens = store.collection("citizens");
        citizens.createIndex(Indexes.ascending("cprHmac"), new IndexOptions().unique(true).name("cprHmac_unique"));
        citizens.createIndex(Indexes.ascending("municipality", "externalRef"),
                new IndexOptions().unique(true).name("municipality_externalRef_unique"));
        citizens.createIndex(Indexes.ascending("municipality", "name", "_id"));
        citizens.createIndex(Indexes.ascending("programmeEndedOn"), new IndexOptions().sparse(true));
        citizens.createIndex(Indexes.ascending("municipality", "caseworker.id", "name", "_id"));
    }

    @Override
    public Optional<Citizen> byId(String id) {
        return first(Filters.eq("_id", id));
    }

    @Override
    public List<Citizen> byIds(Collection<String> ids) {
        List<Citizen> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            citizens.find(Filters.in("_id", ids)).forEach(doc -> found.add(fromDocument(doc)));
        }
        return found;
    }

    @Override
    public Optional<Citizen> byCprHmac(String cprHmac) {
        return first(Filters.eq("cprHmac", cprHmac));
    }

    @Override
    public Optional<Citizen> byExternalRef(String municipality, String externalRef) {
        return first(Filters.and(Filters.eq("municipality", municipality), Filters.eq("externalRef", externalRef)));
    }

    @Override
    public boolean insert(Citizen citizen) {
        return MongoWrites.insertIfAbsent(citizens, toDocument(citizen));
    }

    @Override
    public boolean replace(Citizen citizen, long expectedVersion) {
        return MongoWrites.unlessDuplicate(() -> citizens.replaceOne(
                Filters.and(Filters.eq("_id", citizen.id()), Filters.eq("version", expectedVersion)),
                toDocument(citizen)).getMatchedCount() == 1);
    }

    @Override
    public List<Citizen> inMunicipality(String municipality, Optional<String> caseworkerId, Optional<Position> after,
                                        int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("municipality", municipality));
        caseworkerId.ifPresent(id -> filters.add(Filters.eq("caseworker.id", id)));
        after.ifPresent(position -> filters.add(Filters.or(
                Filters.gt("name", position.name()),
                Filters.and(Filters.eq("name", position.name()), Filters.gt("_id", position.id())))));
        List<Citizen> found = new ArrayList<>();
        citizens.find(Filters.and(filters)).sort(Sorts.ascending("name", "_id")).limit(limit)
                .forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    @Override
    public void forEach(Consumer<Citizen> visitor) {
        citizens.find().forEach(doc -> visitor.accept(fromDocument(doc)));
    }


    @Override
    public List<Citizen> programmeEndedBefore(LocalDate day, int limit) {
        List<Citizen> found = new ArrayList<>();
        // ISO dates sort as text; citizens whose programme runs have no such field and are not in the index
        citizens.find(Filters.lt("programmeEndedOn", day.toString())).limit(limit)
                .forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    @Override
    public boolean remove(Citizen citizen) {
        return citizens.deleteOne(Filters.and(Filters.eq("_id", citizen.id()), Filters.eq("version", citizen.version())))
                .getDeletedCount() == 1;
    }

    private Optional<Citizen> first(Bson filter) {
        return Optional.ofNullable(citizens.find(filter).first()).map(MongoCitizenRepository::fromDocument);
    }

    static Document toDocument(Citizen c) {
        Document doc = new Document("_id", c.id())
                .append("municipality", c.municipality())
                .append("externalRef", c.externalRef())
                .append("cprHmac", c.cprHmac())
                .append("name", c.name())
                .append("programme", c.programme().code())
                .append("language", c.language().code())
                .append("enrolledAt", Date.from(c.enrolledAt()))
                .append("updatedAt", Date.from(c.updatedAt()))
                .append("version", c.version());
        if (c.programmeEndedOn() != null) {
            doc.append("programmeEndedOn", c.programmeEndedOn().toString());
        }
        if (c.caseworker() != null) {
            doc.append("caseworker", new Document("id", c.caseworker().id()).append("name", c.caseworker().name()));
        }
        if (c.contactPerson() != null) {
            ContactPerson p = c.contactPerson();
            doc.append("contactPerson", new Document("name", p.name()).append("phone", p.phone())
                    .append("email", p.email()).append("officeHours", p.officeHours()));
        }
        return doc;
    }

    static Citizen fromDocument(Document doc) {
        Document caseworker = doc.get("caseworker", Document.class);
        Document contact = doc.get("contactPerson", Document.class);
        return new Citizen(
                doc.getString("_id"),
                doc.getString("municipality"),
                doc.getString("externalRef"),
                doc.getString("cprHmac"),
                doc.getString("name"),
                Programme.fromCode(doc.getString("programme")),
                caseworker == null ? null : new CaseworkerRef(caseworker.getString("id"), caseworker.getString("name")),
                contact == null ? null : new ContactPerson(contact.getString("name"), contact.getString("phone"),
                        contact.getString("email"), contact.getString("officeHours")),
                Language.fromCode(doc.getString("language")),
                doc.getDate("enrolledAt").toInstant(),
                doc.getDate("updatedAt").toInstant(),
                doc.get("version", Number.class).longValue(),
                doc.getString("programmeEndedOn") == null ? null : LocalDate.parse(doc.getString("programmeEndedOn")));
    }
}
