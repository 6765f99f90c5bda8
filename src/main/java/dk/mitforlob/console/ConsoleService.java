package dk.mitforlob.console;

import java.net.URI;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.StaticContentService;

import dk.mitforlob.platform.http.Exchange;

/**
 * The web console for caseworkers and evaluators, below {@code /console/}: static pages that sign
 * the employee in at their issuer (OIDC authorization code with PKCE, in the browser) and then
 * call the same {@code /api/v1} routes as every other client. The service adds nothing for it
 * but its files and their sign-in configuration ({@code config.json}).
 */
public final class ConsoleService implements HttpService {

    /** Where the console lives. */
    public static final String PATH = "/console";

    private final ConsoleConfig config;
    private final String policy;

    public ConsoleService(ConsoleConfig config) {
        this.config = config;
        URI issuer = URI.create(config.issuer());
        // scripts, styles and fonts only from the service itself (nothing from a CDN); connections only to
        // the service and the employees' issuer (discovery and token endpoints); no framing
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + issuer.getScheme() + "://" + issuer.getRawAuthority() + "; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            res.header(HeaderNames.create("Content-Security-Policy"), policy);
            // the sign-in return carries an authorization code in its URL: it must not leak as a referrer
            res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
            res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
            res.header(HeaderNames.create("X-Frame-Options"), "DENY");
            // the files change with each release and carry no personal data (that comes from the API)
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.next();
        });
        rules.get("/config.json", (req, res) -> Exchange.ok(res, config));
        rules.register(StaticContentService.builder("console").welcomeFileName("index.html").build());
    }
}
