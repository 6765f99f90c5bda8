package dk.mitforlob.platform.security;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Whether an issuer's keys could be fetched the last time they were asked for. An outage is logged
 * at WARNING once when it starts and once when it ends, never per request or per attempt, and is
 * visible as the gauge {@code mitforlob_issuer_reachable{issuer=...}} (1 or 0) beside the counter
 * {@code mitforlob_issuer_key_fetch_failures_total}.
 */
final class IssuerReachability {

    private static final System.Logger LOG = System.getLogger(IssuerReachability.class.getName());
    /** One gauge per issuer name, however many verifiers the process builds for it (tests build several). */
    private static final Map<String, AtomicInteger> GAUGES = new ConcurrentHashMap<>();

    private final String issuer;
    private final AtomicInteger gauge;
    private final Counter failures;
    private Instant outageSince;

    IssuerReachability(String issuer) {
        this.issuer = issuer;
        List<Tag> tags = List.of(Tag.create("issuer", issuer));
        this.gauge = GAUGES.computeIfAbsent(issuer, name -> {
            AtomicInteger value = new AtomicInteger(1);
            Metrics.globalRegistry().getOrCreate(Gauge.builder("mitforlob_issuer_reachable", value::get)
                    .description("1 while the issuer's signing keys can be fetched, 0 during an outage")
                    .tags(tags));
            return value;
        });
        this.failures = Metrics.globalRegistry().getOrCreate(Counter.builder("mitforlob_issuer_key_fetch_failures")
                .description("Failed fetches of an issuer's discovery document or signing keys")
                .tags(tags));
    }

    synchronized void reached(Instant now) {
        if (outageSince != null) {
            LOG.log(Level.WARNING, "Issuer ''{0}'' is reachable again after {1} s", issuer,
                    Duration.between(outageSince, now).toSeconds());
            outageSince = null;
        }
        gauge.set(1);
    }

    synchronized void unreachable(Instant now, String reason) {
        failures.increment();
        if (outageSince == null) {
            LOG.log(Level.WARNING, "Issuer ''{0}'' is unreachable: its signing keys cannot be fetched ({1}); "
                    + "tokens it signed with keys not yet known get 503 until it is back", issuer, reason);
            outageSince = now;
        }
        gauge.set(0);
    }
}
