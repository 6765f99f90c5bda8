package dk.mitforlob.platform.ratelimit;

import java.time.Duration;

import io.helidon.http.Method;

import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * How many requests one caller may send per minute: writes (POST, PUT, PATCH, DELETE) and, more
 * loosely, reads. Case systems sync whole municipalities and get their own, larger quotas. The
 * defaults are far above what a person or a case system does, and far below a phone stuck in a
 * loop or a leaked token in a script.
 *
 * @param writes           writes per minute of a person (citizen, caseworker, evaluator, administrator)
 * @param reads            reads per minute of a person
 * @param caseSystemWrites writes per minute of a case system
 * @param caseSystemReads  reads per minute of a case system
 */
public record RateLimits(int writes, int reads, int caseSystemWrites, int caseSystemReads) {

    /** The window quotas are counted in. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final RateLimits DEFAULTS = new RateLimits(120, 1200, 12_000, 30_000);

    public RateLimits {
        if (writes < 1 || reads < 1 || caseSystemWrites < 1 || caseSystemReads < 1) {
            throw new IllegalArgumentException("Rate limits must be at least 1 request a minute");
        }
    }

    /** One quota: its name in the RateLimit headers and how many requests it allows per window. */
    public record Policy(String name, int quota) {
    }

    /** The quota a request of {@code caller} with {@code method} counts against. */
    public Policy policyFor(Caller caller, Method method) {
        boolean write = method != Method.GET && method != Method.HEAD;
        if (caller.has(Role.INTEGRATION)) {
            return write ? new Policy("case-system-writes", caseSystemWrites) : new Policy("case-system-reads",
                    caseSystemReads);
        }
        return write ? new Policy("writes", writes) : new Policy("reads", reads);
    }
}
