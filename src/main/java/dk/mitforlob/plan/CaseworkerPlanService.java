package dk.mitforlob.plan;

import java.util.OptionalLong;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/municipalities/{code}/citizens/{citizenId}/plan}: the caseworker reads the plan
 * with the citizen's contributions and publishes new versions, guarded by {@code If-Match}.
 */
public final class CaseworkerPlanService implements HttpService {

    private final Citizens citizens;
    private final Plans plans;
    private final AuditTrail audit;

    public CaseworkerPlanService(Citizens citizens, Plans plans, AuditTrail audit) {
        this.citizens = citizens;
        this.plans = plans;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/municipalities/{code}/citizens/{citizenId}/plan", this::read)
                .put("/municipalities/{code}/citizens/{citizenId}/plan", this::publish);
    }

    private void read(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        Citizen citizen = citizens.inMunicipality(municipality, Exchange.pathParam(req, "citizenId"));
        PlanRecord record = plans.of(citizen);
        audit.read(caller, RequestId.of(req), "plan", municipality, citizen.id());
        res.header(HeaderNames.ETAG, Etags.of(record.version()));
        Exchange.ok(res, PlanView.forCaseworker(record));
    }

    private void publish(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.CASEWORKER, municipality);
        Citizen citizen = citizens.inMunicipality(municipality, Exchange.pathParam(req, "citizenId"));
        long expected = Etags.requiredIfMatch(req, () -> plans.of(citizen).version());
        Plan plan = Exchange.readJson(req, Plan.class);
        Plans.Published published = plans.publish(citizen, plan, OptionalLong.of(expected),
                new PlanVersion.Author(PlanVersion.Author.CASEWORKER, caller.subject()), false);
        // one entry per request: a publication shows the plan it made (with the citizen's own
        // contributions), and a publication that changed nothing is a read of the plan
        if (published.changed()) {
            audit.wrote(caller, RequestId.of(req), "publish", "plan", municipality, citizen.id());
        } else {
            audit.read(caller, RequestId.of(req), "plan", municipality, citizen.id());
        }
        res.header(HeaderNames.ETAG, Etags.of(published.record().version()));
        Exchange.ok(res, PlanView.forCaseworker(published.record()));
    }
}
