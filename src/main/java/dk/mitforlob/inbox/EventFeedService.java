package dk.mitforlob.inbox;

import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/integration/municipalities/{code}/events}: everything the municipality's
 * citizens submitted, oldest first, for case systems to pull. Always answers with a cursor: the
 * next call with it returns exactly what came after, never skipping or repeating an event.
 */
public final class EventFeedService implements HttpService {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final Inbox inbox;
    private final Citizens citizens;
    private final AuditTrail audit;

    public EventFeedService(Inbox inbox, Citizens citizens, AuditTrail audit) {
        this.inbox = inbox;
        this.citizens = citizens;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/integration/municipalities/{code}/events", this::events);
    }

    /** A page of the feed and where to continue. */
    record EventPage(List<InboxItemView> events, String cursor) {
    }

    private void events(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.INTEGRATION, municipality);
        long after = Exchange.query(req, "after")
                .map(cursor -> InboxService.seq(PageCursor.decode(cursor, "events", 1).value(0)))
                .orElse(0L);
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        List<InboxItem> events = inbox.after(municipality, after, limit);
        Map<String, Citizen> byId = citizens.byIds(events.stream().map(InboxItem::citizenId).distinct().toList());
        audit.read(caller, RequestId.of(req), "events", municipality, events.stream().map(InboxItem::citizenId).toList());
        long last = events.isEmpty() ? after : events.getLast().seq().orElseThrow();
        Exchange.ok(res, new EventPage(
                events.stream().map(e -> InboxItemView.forCaseSystem(e, byId.get(e.citizenId()))).toList(),
                PageCursor.of("events", Long.toString(last)).encode()));
    }
}
