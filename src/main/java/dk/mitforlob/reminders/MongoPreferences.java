package dk.mitforlob.reminders;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/** Notification preferences in the {@code notification_preferences} collection, one document per citizen. */
public final class MongoPreferences implements PreferencesRepository {

    private final MongoCollection<Document> preferences;

    public MongoPreferences(MongoStore store) {
        this.preferences = store.collection("notification_preferences");
    }

    @Override
    public Optional<NotificationPreferences> of(String citizenId) {
        return Optional.ofNullable(preferences.find(Filters.eq("_id", citizenId)).first())
                .map(MongoPreferences::fromDocument);
    }

    @Override
    public Map<String, NotificationPreferences> ofCitizens(Collection<String> citizenIds) {
        Map<String, NotificationPreferences> found = new HashMap<>();
        if (!citizenIds.isEmpty()) {
            preferences.find(Filters.in("_id", citizenIds))
                    .forEach(doc -> found.put(doc.getString("_id"), fromDocument(doc)));
        }
        return found;
    }

    @Override
    public boolean save(String citizenId, NotificationPreferences saved, long expectedVersion) {
        Document doc = toDocument(citizenId, saved);
        if (expectedVersion == 0) {
            return MongoWrites.insertIfAbsent(preferences, doc);
        }
        return preferences.replaceOne(Filters.and(Filters.eq("_id", citizenId), Filters.eq("version", expectedVersion)),
                doc).getMatchedCount() == 1;
    }

    private static Document toDocument(String citizenId, NotificationPreferences saved) {
        Document kinds = new Document();
        saved.enabled().forEach((kind, on) -> kinds.append(kind.code(), on));
        Document doc = new Document("_id", citizenId)
                .append("version", saved.version())
                .append("kinds", kinds)
                .append("quietFrom", saved.quietHours().from().toString())
                .append("quietTo", saved.quietHours().to().toString())
                .append("nudgeDay", saved.hoursNudge().day().name())
                .append("nudgeTime", saved.hoursNudge().time().toString());
        saved.changedAt().ifPresent(at -> doc.append("changedAt", Date.from(at)));
        return doc;
    }

    private static NotificationPreferences fromDocument(Document doc) {
        Map<ReminderKind, Boolean> enabled = new EnumMap<>(ReminderKind.class);
        Document kinds = doc.get("kinds", Document.class);
        for (ReminderKind kind : ReminderKind.values()) {
            enabled.put(kind, kinds.getBoolean(kind.code(), true));
        }
        return new NotificationPreferences(doc.get("version", Number.class).longValue(), enabled,
                new QuietHours(LocalTime.parse(doc.getString("quietFrom")), LocalTime.parse(doc.getString("quietTo"))),
                new NudgeTime(DayOfWeek.valueOf(doc.getString("nudgeDay")), LocalTime.parse(doc.getString("nudgeTime"))),
                Optional.ofNullable(doc.getDate("changedAt")).map(Date::toInstant));
    }

    /** Deletes everything of the citizen's kept here: retention, years after their programme ended. Safe to repeat. */
    public void erase(String citizenId) {
        preferences.deleteOne(Filters.eq("_id", citizenId));
    }
}
