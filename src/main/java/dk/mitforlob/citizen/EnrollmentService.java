package dk.mitforlob.citizen;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code PUT /api/v1/integration/municipalities/{code}/citizens/{externalRef}}: a case system
 * enrolls or updates a citizen under its own reference. Repeating the call is safe.
 */
public final class EnrollmentService implements HttpService {

    private final Citizens citizens;
    private final AuditTrail audit;

    public EnrollmentService(Citizens citizens, AuditTrail audit) {
        this.citizens = citizens;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/integration/municipalities/{code}/citizens/{externalRef}", this::enroll);
    }

    private void enroll(ServerRequest req, ServerResponse res) {
        String municipality = Exchange.pathParam(req, "code");
        Caller caller = Access.requireFor(req, Role.INTEGRATION, municipality);
        String externalRef = Exchange.pathParam(req, "externalRef");
        Enrollment enrollment = Exchange.readJson(req, Enrollment.class);
        Citizens.EnrollmentOutcome outcome = citizens.enroll(municipality, externalRef, enrollment);
        if (outcome.changed()) {
            audit.wrote(caller, RequestId.of(req), outcome.created() ? "enroll" : "update", "enrollment",
                    municipality, outcome.citizen().id());
        }
        res.header(HeaderNames.LOCATION, req.prologue().uriPath().rawPath());
        Exchange.sendJson(res, outcome.created() ? Status.CREATED_201 : Status.OK_200,
                EnrollmentResult.from(outcome));
    }

    record EnrollmentResult(String citizenId, String municipality, String externalRef, boolean created,
                            boolean changed) {
        static EnrollmentResult from(Citizens.EnrollmentOutcome outcome) {
            Citizen citizen = outcome.citizen();
            return new EnrollmentResult(citizen.id(), citizen.municipality(), citizen.externalRef(),
                    outcome.created(), outcome.changed());
        }
    }
}
