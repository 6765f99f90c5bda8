package dk.mitforlob.hours;

import java.util.List;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/municipalities/{code}/citizens/{citizenId}/hours}: the caseworker sees every
 * registration with its revisions and what each correction changed, and the totals. Audit-logged.
 */
public final class CaseworkerHoursService implements HttpService {

    private final Citizens citizens;
    private final PaidHours hours;
    private final AuditTrail audit;
    private final int windowDays;

    public CaseworkerHoursService(Citizens citizens, PaidHours hours, AuditTrail audit, int windowDays) {
        this.citizens = citizens;
        this.hours = hours;
        this.audit = audit;
        this.windowDays = windowDays;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/municipalities/{code}/citizens/{citizenId}/hours", this::read);
    }

    /** A citizen's registrations (a page, withdrawn ones included) and their totals for the period. */
    record CitizenHours(String citizenId, List<RegistrationView> items, Optional<String> nextCursor,
                        HoursSummary summary) {
    }

    private void read(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        Citizen citizen = citizens.inMunicipality(municipality, Exchange.pathParam(req, "citizenId"));
        MyHoursService.Period period = MyHoursService.Period.of(req, hours.today(), windowDays);
        Page<RegistrationView> page = hours.registrations(citizen, period.from(), period.to(), true,
                Exchange.query(req, "cursor"),
                Exchange.queryInt(req, "limit", 1, MyHoursService.MAX_LIMIT).orElse(MyHoursService.DEFAULT_LIMIT))
                .map(r -> RegistrationView.of(r, true));
        audit.read(caller, RequestId.of(req), "hours", municipality, citizen.id());
        Exchange.ok(res, new CitizenHours(citizen.id(), page.items(), page.nextCursor(),
                hours.summary(citizen, period.from(), period.to())));
    }
}
