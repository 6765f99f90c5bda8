package dk.mitforlob.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Browser protections for the console's pages: scripts, styles and fonts only from the service
 * itself (nothing from a CDN), connections only to the service and the employees' issuer, no
 * framing, and no referrer (the sign-in redirect carries an authorization code in its URL).
 */
final class ConsoleHeaders implements Filter {

    private final String prefix;
    private final String policy;

    ConsoleHeaders(String prefix, String issuerOrigin) {
        this.prefix = prefix;
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + issuerOrigin + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.prologue().uriPath().path();
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            res.header(HeaderNames.create("Content-Security-Policy"), policy);
            res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
            res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
            res.header(HeaderNames.create("X-Frame-Options"), "DENY");
            // the pages change with each release and carry no personal data; the data comes from the API
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        }
        chain.proceed();
    }
}
