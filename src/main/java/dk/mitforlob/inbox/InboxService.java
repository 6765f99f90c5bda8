package dk.mitforlob.inbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/** {@code /api/v1/municipalities/{code}/inbox}: the citizen input of a municipality, for its caseworkers. */
public final class InboxService implements HttpService {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final Inbox inbox;
    private final Citizens citizens;
    private final AuditTrail audit;
    private final Clock clock;

    public InboxService(Inbox inbox, Citizens citizens, AuditTrail audit, Clock clock) {
        this.inbox = inbox;
        this.citizens = citizens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/municipalities/{code}/inbox", this::list)
                .post("/municipalities/{code}/inbox/{itemId}/read", this::markRead);
    }

    /** One page of the inbox, with how many matching items are unread in all. */
    record InboxPage(List<InboxItemView> items, Optional<String> nextCursor, long unreadCount) {
    }

    private void list(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        Optional<String> citizenId = Exchange.query(req, "citizenId");
        citizenId.ifPresent(id -> citizens.inMunicipality(municipality, id));
        Optional<InputType> type = Exchange.query(req, "type").map(code -> InputType.fromCode(code)
                .orElseThrow(() -> Exchange.invalidQuery("type", "must be one of " + String.join(", ",
                        Arrays.stream(InputType.values()).map(InputType::code).toList()))));
        boolean unreadOnly = Exchange.queryBoolean(req, "unread").orElse(false);
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<Long> before = Exchange.query(req, "cursor")
                .map(cursor -> seq(PageCursor.decode(cursor, "inbox", 1).value(0)));
        Inbox.Filter filter = new Inbox.Filter(citizenId, type, unreadOnly);

        List<InboxItem> fetched = inbox.page(municipality, filter, before, limit + 1);
        List<InboxItem> shown = fetched.subList(0, Math.min(limit, fetched.size()));
        Map<String, Citizen> names = citizens.byIds(shown.stream().map(InboxItem::citizenId).distinct().toList());
        audit.read(caller, RequestId.of(req), "inbox", municipality,
                shown.stream().map(InboxItem::citizenId).toList());
        Optional<String> next = fetched.size() > limit
                ? Optional.of(PageCursor.of("inbox", Long.toString(shown.getLast().seq().orElseThrow())).encode())
                : Optional.empty();
        Exchange.ok(res, new InboxPage(
                shown.stream().map(item -> InboxItemView.forCaseworker(item, names.get(item.citizenId()))).toList(),
                next, inbox.unreadCount(municipality, filter)));
    }

    private void markRead(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        String itemId = Exchange.pathParam(req, "itemId");
        if (!inbox.markRead(municipality, itemId, new InboxItem.ReadMark(caller.subject(), clock.instant()))) {
            throw Rejection.notFound("inbox-item-not-found", "The inbox of " + municipality + " has no item " + itemId);
        }
        InboxItem item = inbox.byId(municipality, itemId).orElseThrow();
        audit.read(caller, RequestId.of(req), "inbox", municipality, item.citizenId());
        Exchange.ok(res, InboxItemView.forCaseworker(item, citizens.byId(item.citizenId()).orElse(null)));
    }

    static long seq(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Exchange.invalidQuery("cursor", "was not issued for this list");
        }
    }
}
