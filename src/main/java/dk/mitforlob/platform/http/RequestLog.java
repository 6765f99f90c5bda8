package dk.mitforlob.platform.http;

import java.lang.System.Logger.Level;
import java.util.Locale;

import io.helidon.logging.common.HelidonMdc;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Gives every request an id (echoed in {@code X-Request-Id} and carried by every log line written
 * while it is handled) and logs one line per request. Headers, bodies and query strings are never
 * logged: they may carry tokens or personal data.
 */
public final class RequestLog implements Filter {

    private static final System.Logger LOG = System.getLogger("dk.mitforlob.access");
    static final String MDC_KEY = "requestId";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RequestId id = RequestId.fromClientOrNew(req.headers().first(RequestId.HEADER).orElse(null));
        req.context().register(id);
        res.header(RequestId.HEADER, id.value());
        HelidonMdc.set(MDC_KEY, id.value());
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            String path = Redaction.path(req.prologue().uriPath().rawPath());
            if (!path.startsWith("/observe")) {
                LOG.log(Level.INFO, "{0} {1} {2} {3}ms", req.prologue().method().text(), path,
                        res.status().code(), String.format(Locale.ROOT, "%.1f", micros / 1000.0));
            }
            HelidonMdc.remove(MDC_KEY);
        }
    }
}
