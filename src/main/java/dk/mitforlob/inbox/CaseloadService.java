package dk.mitforlob.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.CaseworkerRef;
import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.CitizenRepository;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/** {@code GET /api/v1/municipalities/{code}/citizens}: the caseload, with each citizen's unread input. */
public final class CaseloadService implements HttpService {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final Citizens citizens;
    private final Inbox inbox;
    private final AuditTrail audit;

    public CaseloadService(Citizens citizens, Inbox inbox, AuditTrail audit) {
        this.citizens = citizens;
        this.inbox = inbox;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/municipalities/{code}/citizens", this::caseload);
    }

    /** A citizen in the caseload list. */
    record CaseloadEntry(String citizenId, String name, String externalRef, Programme programme,
                         CaseworkerRef caseworker, long unreadCount) {
    }

    private void caseload(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        boolean mine = Exchange.queryBoolean(req, "mine").orElse(false);
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<CitizenRepository.Position> after = Exchange.query(req, "cursor").map(cursor -> {
            PageCursor position = PageCursor.decode(cursor, "caseload", 2);
            return new CitizenRepository.Position(position.value(0), position.value(1));
        });
        List<Citizen> fetched = citizens.caseload(municipality, mine ? Optional.of(caller.subject()) : Optional.empty(),
                after, limit + 1);
        Page<Citizen> page = Page.fromFetched(fetched, limit, c -> PageCursor.of("caseload", c.name(), c.id()));
        List<String> ids = page.items().stream().map(Citizen::id).toList();
        Map<String, Long> unread = inbox.unreadByCitizen(municipality, ids);
        audit.read(caller, RequestId.of(req), "caseload", municipality, ids);
        Exchange.ok(res, page.map(c -> new CaseloadEntry(c.id(), c.name(), c.externalRef(), c.programme(),
                c.caseworker(), unread.getOrDefault(c.id(), 0L))));
    }
}
