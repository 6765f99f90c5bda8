package dk.mitforlob.platform.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One access to a citizen's data by someone other than the citizen.
 *
 * @param at           when, in UTC
 * @param requestId    the request that did it, to find its log lines
 * @param actorSubject who: the caller's subject at their issuer
 * @param actorRole    in what role
 * @param actorIssuer  signed in where
 * @param action       what was done, e.g. {@code read}
 * @param resource     to what, e.g. {@code plan}, {@code inbox}, {@code hours}
 * @param citizenId    whose data; null for a read of aggregates about no single citizen (survey results)
 * @param municipality the municipality the access was made for, when it was made for one
 */
public record AuditEntry(Instant at, String requestId, String actorSubject, String actorRole, String actorIssuer,
                         String action, String resource, String citizenId, String municipality) {

    public AuditEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(actorSubject);
        Objects.requireNonNull(actorRole);
        Objects.requireNonNull(actorIssuer);
        Objects.requireNonNull(action);
        Objects.requireNonNull(resource);
    }
}
