package dk.mitforlob.platform.ratelimit;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoException;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.ProblemResponses;
import dk.mitforlob.platform.security.Caller;

/**
 * Holds every signed-in caller to its quota ({@link RateLimits}), counted in fixed one-minute
 * windows shared by all instances ({@link QuotaCounts}). Every answer tells the caller where it stands in the headers of
 * the IETF draft (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} and
 * {@code RateLimit}; over the quota the answer is 429 with {@code Retry-After}.
 * See docs/decisions/0011.
 */
public final class RateLimiting implements Filter {

    public static final HeaderName POLICY_HEADER = HeaderNames.create("RateLimit-Policy");
    public static final HeaderName STATE_HEADER = HeaderNames.create("RateLimit");
    private static final System.Logger LOG = System.getLogger(RateLimiting.class.getName());
    private static final long WINDOW_SECONDS = RateLimits.WINDOW.toSeconds();

    private final RateLimits limits;
    private final QuotaCounts counts;
    private final Clock clock;
    private final AtomicBoolean counting = new AtomicBoolean(true);

    public RateLimiting(RateLimits limits, QuotaCounts counts, Clock clock) {
        this.limits = limits;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<Caller> caller = req.context().get(Caller.class);
        if (caller.isEmpty()) {
            chain.proceed();
            return;
        }
        RateLimits.Policy policy = limits.policyFor(caller.get(), req.prologue().method());
        Instant now = clock.instant();
        long windowStart = Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS;
        long resetSeconds = Math.max(1, windowStart + WINDOW_SECONDS - now.getEpochSecond());
        long count;
        try {
            count = counts.count(policy.name() + "|" + callerKey(caller.get()) + "|" + windowStart,
                    Instant.ofEpochSecond(windowStart + WINDOW_SECONDS), policy.quota());
            if (counting.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Rate limits are counted again");
            }
        } catch (MongoException e) {
            // without the store the request fails on its own; the quota must not turn that into a 500
            if (counting.compareAndSet(true, false)) {
                LOG.log(Level.WARNING, "Rate limits cannot be counted while the store is unavailable", e);
            }
            chain.proceed();
            return;
        }
        res.header(POLICY_HEADER, "\"" + policy.name() + "\";q=" + policy.quota() + ";w=" + WINDOW_SECONDS);
        res.header(STATE_HEADER, "\"" + policy.name() + "\";r=" + Math.max(0, policy.quota() - count)
                + ";t=" + resetSeconds);
        if (count > policy.quota()) {
            ProblemResponses.send(req, res, new Rejection(Rejection.Kind.TOO_MANY_REQUESTS, "rate-limited",
                    "More than " + policy.quota() + " " + policy.name().replace('-', ' ') + " a minute; retry after "
                            + resetSeconds + " seconds").withHeader("Retry-After", Long.toString(resetSeconds)));
            return;
        }
        chain.proceed();
    }

    /** The caller's identity as a digest: the counts in the store name no one. */
    private static String callerKey(Caller caller) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller.issuer() + '\0' + caller.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
