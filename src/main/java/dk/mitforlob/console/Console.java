package dk.mitforlob.console;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * Whether there is a console, and how it signs employees in: from the service's trusted issuers and
 * the console's own settings. The console itself is {@link ConsoleService}.
 */
public final class Console {

    private static final System.Logger LOG = System.getLogger(Console.class.getName());
    private static final List<Role> CONSOLE_ROLES = List.of(Role.CASEWORKER, Role.EVALUATOR);

    private Console() {
    }

    /**
     * The console's sign-in configuration, or empty when there is to be no console: production
     * without a client id, or demo mode that trusts several employee issuers and was not told which.
     *
     * @throws IllegalArgumentException when it is configured in a way that cannot work
     */
    public static Optional<ConsoleConfig> configure(Settings settings, ConsoleSettings console) {
        List<TrustedIssuer> employees = settings.issuers().stream()
                .filter(issuer -> CONSOLE_ROLES.stream().anyMatch(issuer.roles()::contains))
                .toList();
        if (console.clientId().isEmpty() && !settings.demo()) {
            if (console.issuer().isPresent()) {
                throw new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER is set, so MITFORLOB_CONSOLE_CLIENT_ID "
                        + "must be too: the console's client id at that issuer");
            }
            LOG.log(Level.INFO, "The console at /console/ is off: set MITFORLOB_CONSOLE_CLIENT_ID to turn it on");
            return Optional.empty();
        }
        Optional<TrustedIssuer> issuer;
        if (console.issuer().isPresent()) {
            String configured = console.issuer().get();
            issuer = Optional.of(employees.stream().filter(trusted -> sameIssuer(trusted.issuer(), configured))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER '" + configured
                            + "' must be the issuer of a trusted issuer that grants the caseworker or evaluator role")));
        } else if (employees.size() == 1) {
            issuer = Optional.of(employees.getFirst());
        } else if (console.clientId().isPresent()) {
            throw new IllegalArgumentException("Set MITFORLOB_CONSOLE_ISSUER: " + employees.size()
                    + " trusted issuers grant the caseworker or evaluator role, and the console signs in at one");
        } else {
            // demo mode trusting issuers of its own as well: only the operator knows which one the console is for
            LOG.log(Level.WARNING, "The console at /console/ is off: " + employees.size() + " trusted issuers grant "
                    + "employee roles; set MITFORLOB_CONSOLE_ISSUER to the one it signs in at");
            issuer = Optional.empty();
        }
        return issuer.map(chosen -> new ConsoleConfig(chosen.issuer(),
                console.clientId().orElse(ConsoleSettings.DEMO_CLIENT_ID), console.scope(),
                CONSOLE_ROLES.stream().filter(chosen.roles()::contains).map(Role::claimValue).toList(),
                chosen.rolesClaim(), chosen.municipalityClaim(), settings.demo(), municipalityNames()));
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
}
