package dk.mitforlob.console;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * The web console for caseworkers and evaluators at {@code /console/}: static pages that sign the
 * employee in at their issuer (OIDC authorization code with PKCE, in the browser) and then call
 * the same {@code /api/v1} routes as every other client. The service adds no route for it but its
 * files and their sign-in configuration.
 */
public final class Console {

    private static final System.Logger LOG = System.getLogger(Console.class.getName());
    static final String PATH = "/console";
    private static final List<Role> CONSOLE_ROLES = List.of(Role.CASEWORKER, Role.EVALUATOR);

    private final ConsoleConfig config;

    Console(ConsoleConfig config) {
        this.config = config;
    }

    public ConsoleConfig config() {
        return config;
    }

    /**
     * The console for these settings, or empty when production has not configured it.
     *
     * @throws IllegalArgumentException when it is configured in a way that cannot work
     */
    public static Optional<Console> configure(Settings settings, ConsoleSettings console) {
        List<TrustedIssuer> employees = settings.issuers().stream()
                .filter(issuer -> CONSOLE_ROLES.stream().anyMatch(issuer.roles()::contains))
                .toList();
        Optional<String> clientId = console.clientId().or(() -> settings.demo()
                ? Optional.of(ConsoleSettings.DEMO_CLIENT_ID) : Optional.empty());
        if (clientId.isEmpty()) {
            if (console.issuer().isPresent()) {
                throw new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER is set, so MITFORLOB_CONSOLE_CLIENT_ID "
                        + "must be too: the console's client id at that issuer");
            }
            LOG.log(Level.INFO, "The console at " + PATH + "/ is off: set MITFORLOB_CONSOLE_CLIENT_ID to turn it on");
            return Optional.empty();
        }
        TrustedIssuer issuer = console.issuer()
                .map(configured -> employees.stream().filter(trusted -> sameIssuer(trusted.issuer(), configured))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER '" + configured
                                + "' must be the issuer of a trusted issuer that grants the caseworker or evaluator "
                                + "role")))
                .orElseGet(() -> {
                    if (employees.size() != 1) {
                        throw new IllegalArgumentException("Set MITFORLOB_CONSOLE_ISSUER: " + employees.size()
                                + " trusted issuers grant the caseworker or evaluator role, and the console needs one");
                    }
                    return employees.getFirst();
                });
        List<String> roles = CONSOLE_ROLES.stream().filter(issuer.roles()::contains).map(Role::claimValue).toList();
        return Optional.of(new Console(new ConsoleConfig(issuer.issuer(), clientId.get(), console.scope(), roles,
                issuer.rolesClaim(), issuer.municipalityClaim(), settings.demo(), municipalityNames())));
    }

    private static SortedMap<String, String> municipalityNames() {
        SortedMap<String, String> names = new TreeMap<>();
        for (int code = 100; code <= 999; code++) {
            String key = Integer.toString(code);
            Municipalities.name(key).ifPresent(name -> names.put(key, name));
        }
        return names;
    }

    private static boolean sameIssuer(String trusted, String configured) {
        return trusted.equals(configured) || trusted.equals(configured + "/") || configured.equals(trusted + "/");
    }

    /** Serves the pages and their configuration below {@code /console/}. */
    public void register(HttpRouting.Builder routing) {
        routing.addFilter(new ConsoleHeaders(PATH, issuerOrigin()));
        routing.get(PATH, (req, res) -> {
            res.status(Status.MOVED_PERMANENTLY_301);
            res.header(HeaderNames.LOCATION, PATH + "/");
            res.send();
        });
        routing.get(PATH + "/config.json", (req, res) -> Exchange.ok(res, config));
        routing.register(PATH, StaticContentService.builder("console").welcomeFileName("index.html").build());
    }

    /** Where the pages may connect besides the service: the issuer's discovery and token endpoints. */
    private String issuerOrigin() {
        URI uri = URI.create(config.issuer());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
