package dk.mitforlob.reminders;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/me/notifications}: the citizen's in-app list, newest first, with the unread count
 * and marking read; {@code /api/v1/me/notification-preferences}: what they want pushed, read with
 * its version as ETag and replaced whole with {@code If-Match}.
 */
public final class MyNotificationsService implements HttpService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final String CURSOR = "notifications";

    private final Citizens citizens;
    private final Notifications notifications;
    private final Preferences preferences;

    public MyNotificationsService(Citizens citizens, Notifications notifications, Preferences preferences) {
        this.citizens = citizens;
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/notifications", this::list)
                .post("/me/notifications/{notificationId}/read", this::markRead)
                .get("/me/notification-preferences", this::readPreferences)
                .put("/me/notification-preferences", this::savePreferences);
    }

    /** A notification in the citizen's language. */
    record NotificationView(String id, ReminderKind kind, String title, String text, String deepLink,
                            Instant createdAt, boolean read, Optional<Instant> readAt) {
        static NotificationView of(Notification notification, Language language) {
            Texts.Text text = notification.texts().in(language);
            return new NotificationView(notification.id(), notification.kind(), text.title(), text.body(),
                    notification.deepLink(), notification.createdAt(), notification.read(), notification.readAt());
        }
    }

    record NotificationPage(List<NotificationView> items, Optional<String> nextCursor, long unreadCount) {
    }

    /** The preferences document with its version and the zone its times are in. */
    record PreferencesView(long version, PreferencesInput.Kinds kinds, PreferencesInput.Window quietHours,
                           PreferencesInput.Weekly hoursNudge, String timeZone) {
        static PreferencesView of(NotificationPreferences preferences) {
            PreferencesInput document = PreferencesInput.of(preferences);
            return new PreferencesView(preferences.version(), document.kinds(), document.quietHours(),
                    document.hoursNudge(), ReminderTexts.COPENHAGEN.getId());
        }
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<NotificationRepository.Position> after = Exchange.query(req, "cursor")
                .map(cursor -> position(PageCursor.decode(cursor, CURSOR, 2)));
        List<Notification> fetched = notifications.page(citizen, after, limit);
        List<Notification> shown = fetched.subList(0, Math.min(limit, fetched.size()));
        Optional<String> next = fetched.size() > limit
                ? Optional.of(PageCursor.of(CURSOR, shown.getLast().createdAt().toString(), shown.getLast().id()).encode())
                : Optional.empty();
        Exchange.ok(res, new NotificationPage(shown.stream()
                .map(n -> NotificationView.of(n, citizen.language())).toList(), next, notifications.unreadCount(citizen)));
    }

    private void markRead(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        Notification read = notifications.markRead(citizen, Exchange.pathParam(req, "notificationId"));
        Exchange.ok(res, NotificationView.of(read, citizen.language()));
    }

    private void readPreferences(ServerRequest req, ServerResponse res) {
        NotificationPreferences current = preferences.of(citizen(req));
        if (!Etags.answeredNotModified(req, res, Etags.of(current.version()))) {
            Exchange.ok(res, PreferencesView.of(current));
        }
    }

    private void savePreferences(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        long expected = Etags.requiredIfMatch(req, () -> preferences.of(citizen).version());
        PreferencesInput input = Exchange.readJson(req, PreferencesInput.class);
        NotificationPreferences saved = preferences.save(citizen, input, expected);
        res.header(HeaderNames.ETAG, Etags.of(saved.version()));
        Exchange.ok(res, PreferencesView.of(saved));
    }

    private static NotificationRepository.Position position(PageCursor cursor) {
        try {
            return new NotificationRepository.Position(Instant.parse(cursor.value(0)), cursor.value(1));
        } catch (DateTimeParseException e) {
            throw Exchange.invalidQuery("cursor", "was not issued for this list");
        }
    }
}
