package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Devices in the {@code devices} collection, one document per installation. A unique index on the
 * token keeps each token at one installation: registering it at a new one first removes it from
 * the old, and a concurrent registration of the same token is retried.
 */
public final class MongoDevices implements DeviceRepository {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> devices;

    public MongoDevices(MongoStore store) {
        this.devices = store.collection("devices");
        devices.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true).name("one_installation_per_token"));
        devices.createIndex(Indexes.ascending("citizenId"));
        devices.createIndex(Indexes.ascending("lastSeenAt"));
    }

    @Override
    public boolean register(Device device) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            devices.deleteMany(Filters.and(Filters.eq("token", device.token()),
                    Filters.ne("_id", device.installationId())));
            try {
                return devices.replaceOne(Filters.eq("_id", device.installationId()), toDocument(device),
                        new ReplaceOptions().upsert(true)).getUpsertedId() != null;
            } catch (MongoWriteException e) {
                if (!MongoWrites.isDuplicate(e)) {
                    throw e;
                }
                // another installation registered the token meanwhile; the newest registration wins
            }
        }
        throw new IllegalStateException("The token kept moving between installations; giving up on "
                + device.installationId());
    }

    @Override
    public boolean remove(String citizenId, String installationId) {
        return devices.deleteOne(Filters.and(Filters.eq("_id", installationId), Filters.eq("citizenId", citizenId)))
                .getDeletedCount() == 1;
    }

    @Override
    public List<Device> ofCitizen(String citizenId) {
        return ofCitizens(List.of(citizenId));
    }

    @Override
    public List<Device> ofCitizens(Collection<String> citizenIds) {
        List<Device> found = new ArrayList<>();
        if (!citizenIds.isEmpty()) {
            devices.find(Filters.in("citizenId", citizenIds)).forEach(doc -> found.add(fromDocument(doc)));
        }
        return found;
    }

    @Override
    public int removeTokens(Collection<String> tokens) {
        return tokens.isEmpty() ? 0 : (int) devices.deleteMany(Filters.in("token", tokens)).getDeletedCount();
    }

    @Override
    public int removeNotSeenSince(Instant before) {
        return (int) devices.deleteMany(Filters.lt("lastSeenAt", Date.from(before))).getDeletedCount();
    }

    private static Document toDocument(Device device) {
        return new Document("_id", device.installationId())
                .append("citizenId", device.citizenId())
                .append("token", device.token())
                .append("platform", device.platform().code())
                .append("appVersion", device.appVersion())
                .append("language", device.language().code())
                .append("registeredAt", Date.from(device.registeredAt()))
                .append("lastSeenAt", Date.from(device.lastSeenAt()));
    }

    private static Device fromDocument(Document doc) {
        return new Device(doc.getString("_id"), doc.getString("citizenId"), doc.getString("token"),
                DevicePlatform.fromCode(doc.getString("platform")), doc.getString("appVersion"),
                Language.fromCode(doc.getString("language")), doc.getDate("registeredAt").toInstant(),
                doc.getDate("lastSeenAt").toInstant());
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        devices.deleteMany(Filters.eq("citizenId", citizenId));
    }
}
