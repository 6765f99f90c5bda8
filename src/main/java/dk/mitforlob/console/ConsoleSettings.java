package dk.mitforlob.console;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the console signs employees in, from environment variables (README.md lists them). Kept
 * apart from the service's own settings: the console is a client of the API, not part of it.
 *
 * @param issuer   the employees' issuer the console sends people to; one of the trusted issuers
 * @param clientId the console's client id at that issuer (a public client: PKCE, no secret)
 * @param scope    the scopes it asks for; some identity providers need an API scope for the audience
 */
public record ConsoleSettings(Optional<String> issuer, Optional<String> clientId, String scope) {

    /** The client id demo mode's development issuer knows the console by. */
    public static final String DEMO_CLIENT_ID = "mitforlob-console";

    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5b\\x5d-\\x7e]+( [\\x21\\x23-\\x5b\\x5d-\\x7e]+)*");

    public ConsoleSettings {
        issuer.ifPresent(ConsoleSettings::requireHttpUrl);
        clientId.ifPresent(id -> {
            if (!CLIENT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("MITFORLOB_CONSOLE_CLIENT_ID must be 1-200 visible characters");
            }
        });
        if (scope.length() > 500 || !SCOPE.matcher(scope).matches() || !(" " + scope + " ").contains(" openid ")) {
            throw new IllegalArgumentException("MITFORLOB_CONSOLE_SCOPE must be scopes separated by single spaces, "
                    + "'openid' among them");
        }
    }

    public static ConsoleSettings fromEnvironment(Map<String, String> env) {
        return new ConsoleSettings(value(env, "MITFORLOB_CONSOLE_ISSUER"), value(env, "MITFORLOB_CONSOLE_CLIENT_ID"),
                value(env, "MITFORLOB_CONSOLE_SCOPE").orElse("openid"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static void requireHttpUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER must be a URL, not '" + value + "'");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("MITFORLOB_CONSOLE_ISSUER must be an http(s) URL, not '" + value + "'");
        }
    }
}
