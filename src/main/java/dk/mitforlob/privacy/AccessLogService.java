package dk.mitforlob.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/** {@code GET /api/v1/me/access-log}: who other than the citizen read or changed their data. */
public final class AccessLogService implements HttpService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Citizens citizens;
    private final AccessLog accessLog;
    private final Clock clock;

    public AccessLogService(Citizens citizens, AccessLog accessLog, Clock clock) {
        this.citizens = citizens;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/access-log", this::list);
    }

    record AccessLogPage(List<AccessLog.Entry> items, Optional<String> nextCursor) {
    }

    private void list(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizens.signedIn(Access.require(req, Role.CITIZEN));
        LocalDate to = Exchange.queryDate(req, "to").orElse(LocalDate.ofInstant(clock.instant(), AccessLog.COPENHAGEN));
        LocalDate from = Exchange.queryDate(req, "from").orElse(Validation.EARLIEST);
        if (from.isAfter(to)) {
            throw Exchange.invalidQuery("from", "must not be after 'to'");
        }
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Page<AccessLog.Entry> page = accessLog.page(citizen, from, to, Exchange.query(req, "cursor"), limit);
        Exchange.ok(res, new AccessLogPage(page.items(), page.nextCursor()));
    }
}
