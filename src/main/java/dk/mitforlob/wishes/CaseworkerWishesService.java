package dk.mitforlob.wishes;

import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/municipalities/{code}/citizens/{citizenId}/wishes}: the caseworker reads a
 * citizen's interests and wishes with every earlier version, each summarised in Danish. Audit-logged.
 */
public final class CaseworkerWishesService implements HttpService {

    private final Citizens citizens;
    private final StatedWishes wishes;
    private final AuditTrail audit;

    public CaseworkerWishesService(Citizens citizens, StatedWishes wishes, AuditTrail audit) {
        this.citizens = citizens;
        this.wishes = wishes;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/municipalities/{code}/citizens/{citizenId}/wishes", this::read);
    }

    static final int MAX_HISTORY = 100;

    /** The citizen's wishes as the caseworker sees them. */
    record CitizenWishes(String citizenId, long version, WishesView current,
                         List<WishesView.HistoryEntry> history) {
    }

    private void read(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        Citizen citizen = citizens.inMunicipality(municipality, Exchange.pathParam(req, "citizenId"));
        WishesVersion current = wishes.current(citizen);
        // newest first (as the history is kept), and bounded: the answer must not grow with years of changes
        List<WishesView.HistoryEntry> history = wishes.history(citizen).stream()
                .limit(MAX_HISTORY)
                .map(v -> WishesView.HistoryEntry.of(v, Language.DA)).toList();
        audit.read(caller, RequestId.of(req), "wishes", municipality, citizen.id());
        res.header(HeaderNames.ETAG, Etags.of(current.version()));
        Exchange.ok(res, new CitizenWishes(citizen.id(), current.version(), WishesView.of(current),
                history));
    }
}
