package dk.mitforlob.platform.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import dk.mitforlob.platform.security.Caller;

/**
 * What handlers call when anyone but the citizen reads a citizen's data. The entry is written
 * before the data is returned: a read that cannot be audited does not happen.
 */
public final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void read(Caller caller, String requestId, String resource, String municipality, String citizenId) {
        read(caller, requestId, resource, municipality, List.of(citizenId));
    }

    /** A change made to a citizen's data by someone other than the citizen, e.g. an enrollment. */
    public void wrote(Caller caller, String requestId, String action, String resource, String municipality,
                      String citizenId) {
        log.append(List.of(new AuditEntry(clock.instant(), requestId, caller.subject(),
                caller.primaryRole().claimValue(), caller.issuer(), action, resource, citizenId, municipality)));
    }

    /**
     * A read of aggregates that name no citizen (e.g. survey results), logged all the same so that it
     * can be seen who looked at what; {@code resource} says what, e.g. {@code survey-results/<round>}.
     */
    public void readAggregate(Caller caller, String requestId, String resource) {
        log.append(List.of(new AuditEntry(clock.instant(), requestId, caller.subject(),
                caller.primaryRole().claimValue(), caller.issuer(), "read", resource, null, null)));
    }

    /** One entry per distinct citizen whose data a list response shows. */
    public void read(Caller caller, String requestId, String resource, String municipality,
                     Collection<String> citizenIds) {
        var at = clock.instant();
        String role = caller.primaryRole().claimValue();
        log.append(new LinkedHashSet<>(citizenIds).stream()
                .map(citizenId -> new AuditEntry(at, requestId, caller.subject(), role, caller.issuer(),
                        "read", resource, citizenId, municipality))
                .toList());
    }
}
