package dk.mitforlob.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /api/v1/bench/static?bytes=N}: a fixed JSON answer of about N bytes, made once and sent
 * as is, behind the same filters (request log, token check) as every API route. It is the ceiling
 * a benchmark compares a real route with: the same server, port and size, without the route's work.
 * Routed only when {@code MITFORLOB_BENCH_CEILING=true}; not part of the API.
 */
public final class StaticCeiling implements HttpService {

    private static final int MAX_BYTES = 1 << 20;
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    @Override
    public void routing(HttpRules rules) {
        rules.get("/bench/static", this::send);
    }

    private void send(ServerRequest req, ServerResponse res) {
        int bytes = Exchange.queryInt(req, "bytes", 16, MAX_BYTES).orElse(1024);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bodies.computeIfAbsent(bytes, StaticCeiling::body));
    }

    private static byte[] body(int bytes) {
        return ("{\"padding\":\"" + "x".repeat(bytes - 14) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
