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
 * {@code PUT /api/v1/integration/municipalities/{code}/citizens/{citizenId}/plan}: the case system
 * publishes the plan it holds. It is the source of truth, so no {@code If-Match} is needed (one
 * given is honoured); sending the same plan again changes nothing.
 */
public final class IntegrationPlanService implements HttpService {

    private final Citizens citizens;
    private final Plans plans;
    private final AuditTrail audit;

    public IntegrationPlanService(Citizens citizens, Plans plans, AuditTrail audit) {
        this.citizens = citizens;
        this.plans = plans;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/integration/municipalities/{code}/citizens/{citizenId}/plan", this::publish);
    }

    /** What the case system gets back. */
    record Publication(String citizenId, long version, boolean changed) {
    }

    private void publish(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.INTEGRATION, municipality);
        Citizen citizen = citizens.inMunicipality(municipality, Exchange.pathParam(req, "citizenId"));
        OptionalLong expected = Etags.optionalIfMatch(req, () -> plans.of(citizen).version());
        Plan plan = Exchange.readJson(req, Plan.class);
        Plans.Published published = plans.publish(citizen, plan, expected,
                new PlanVersion.Author(PlanVersion.Author.CASE_SYSTEM, caller.subject()), true);
        if (published.changed()) {
            audit.wrote(caller, RequestId.of(req), "publish", "plan", municipality, citizen.id());
        }
        res.header(HeaderNames.ETAG, Etags.of(published.record().version()));
        Exchange.ok(res, new Publication(citizen.id(), published.record().version(), published.changed()));
    }
}
