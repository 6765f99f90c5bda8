package dk.mitforlob.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/me/export}: everything stored about the signed-in citizen, streamed. Audit-logged
 * as the citizen's own act before the first byte goes out (the access log, which shows others, leaves it out).
 */
public final class ExportService implements HttpService {

    private final Citizens citizens;
    private final CitizenExport export;
    private final AuditTrail audit;

    public ExportService(Citizens citizens, CitizenExport export, AuditTrail audit) {
        this.citizens = citizens;
        this.export = export;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/export", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.CITIZEN);
        Citizen citizen = citizens.signedIn(caller);
        audit.read(caller, RequestId.of(req), "export", citizen.municipality(), citizen.id());
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"mit-forlob-export.json\"");
        try (OutputStream out = res.outputStream()) {
            export.write(citizen, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
