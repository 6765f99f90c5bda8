package dk.mitforlob.platform.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dk.mitforlob.platform.ratelimit.RateLimits;
import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * Every setting of the service, read from environment variables with defaults (README.md lists
 * them). With nothing set the service runs in demo mode on embedded defaults; production mode
 * refuses to start without a real MongoDB, trusted issuers and a CPR key.
 */
public record Settings(
        Mode mode,
        String host,
        int port,
        Optional<String> mongoUri,
        String mongoDatabase,
        Path dataDir,
        boolean embeddedInMemory,
        List<TrustedIssuer> issuers,
        byte[] cprHmacKey,
        long maxBodyBytes,
        int devIssuerPort,
        LogFormat logFormat,
        int hoursWindowDays,
        RateLimits rateLimits,
        PushSettings push) {

    public enum Mode { DEMO, PRODUCTION }

    public enum LogFormat { TEXT, JSON }

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public Settings {
        issuers = List.copyOf(issuers);
        cprHmacKey = cprHmacKey.clone();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SERVER_PORT must be between 0 and 65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("MITFORLOB_MAX_BODY_BYTES must be at least 1024");
        }
        if (hoursWindowDays < 1 || hoursWindowDays > 3660) {
            throw new IllegalArgumentException("MITFORLOB_HOURS_WINDOW_DAYS must be between 1 and 3660");
        }
        if (cprHmacKey.length < 32) {
            throw new IllegalArgumentException("MITFORLOB_CPR_HMAC_KEY must decode to at least 32 bytes");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Settings with the default rate limits. */
    public Settings(Mode mode, String host, int port, Optional<String> mongoUri, String mongoDatabase, Path dataDir,
                    boolean embeddedInMemory, List<TrustedIssuer> issuers, byte[] cprHmacKey, long maxBodyBytes,
                    int devIssuerPort, LogFormat logFormat, int hoursWindowDays, PushSettings push) {
        this(mode, host, port, mongoUri, mongoDatabase, dataDir, embeddedInMemory, issuers, cprHmacKey, maxBodyBytes,
                devIssuerPort, logFormat, hoursWindowDays, RateLimits.DEFAULTS, push);
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    @Override
    public byte[] cprHmacKey() {
        return cprHmacKey.clone();
    }

    /** Reads the settings from environment variables. */
    public static Settings fromEnvironment(Map<String, String> env) {
        boolean productionSettings = value(env, "MONGODB_URI").isPresent() || value(env, "MITFORLOB_ISSUERS").isPresent()
                || value(env, "MITFORLOB_ISSUERS_FILE").isPresent();
        if (value(env, "MITFORLOB_MODE").isEmpty() && productionSettings) {
            // demo mode mints tokens and seeds demo people: never slip into it on a real database by omission
            throw new IllegalArgumentException("MONGODB_URI or trusted issuers are set, but MITFORLOB_MODE is not: set "
                    + "MITFORLOB_MODE=production, or MITFORLOB_MODE=demo to run demo mode against them on purpose");
        }
        Mode mode = switch (env.getOrDefault("MITFORLOB_MODE", "demo").strip().toLowerCase()) {
            case "demo" -> Mode.DEMO;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException("MITFORLOB_MODE must be 'demo' or 'production'");
        };
        Optional<String> cprKey = value(env, "MITFORLOB_CPR_HMAC_KEY");
        if (mode == Mode.PRODUCTION) {
            requireProductionSettings(env);
        }
        Settings settings = new Settings(
                mode,
                env.getOrDefault("SERVER_HOST", "0.0.0.0"),
                integer(env, "SERVER_PORT", 8080),
                value(env, "MONGODB_URI"),
                env.getOrDefault("MONGODB_DATABASE", "mitforlob"),
                Path.of(env.getOrDefault("MITFORLOB_DATA_DIR", "./data")),
                "memory".equalsIgnoreCase(env.getOrDefault("MITFORLOB_EMBEDDED_STORE", "file")),
                issuers(env),
                cprKey.map(Settings::decodeKey).orElseGet(Settings::demoKey),
                integer(env, "MITFORLOB_MAX_BODY_BYTES", (int) DEFAULT_MAX_BODY_BYTES),
                integer(env, "MITFORLOB_DEV_ISSUER_PORT", 8090),
                switch (env.getOrDefault("MITFORLOB_LOG_FORMAT", mode == Mode.DEMO ? "text" : "json").toLowerCase()) {
                    case "text" -> LogFormat.TEXT;
                    case "json" -> LogFormat.JSON;
                    default -> throw new IllegalArgumentException("MITFORLOB_LOG_FORMAT must be 'text' or 'json'");
                },
                integer(env, "MITFORLOB_HOURS_WINDOW_DAYS", 90),
                rateLimits(env),
                PushSettings.fromEnvironment(env, mode));
        if (mode == Mode.PRODUCTION) {
            if (settings.mongoUri().isEmpty()) {
                throw new IllegalArgumentException("Production mode needs MONGODB_URI");
            }
            if (settings.issuers().isEmpty()) {
                throw new IllegalArgumentException("Production mode needs trusted issuers (MITFORLOB_ISSUERS)");
            }
        }
        settings.push().requireComplete();
        return settings;
    }

    /** Names everything production lacks at once: an operator should not discover them one restart at a time. */
    private static void requireProductionSettings(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        if (value(env, "MONGODB_URI").isEmpty()) {
            missing.add("MONGODB_URI");
        }
        if (value(env, "MITFORLOB_ISSUERS").isEmpty() && value(env, "MITFORLOB_ISSUERS_FILE").isEmpty()) {
            missing.add("trusted issuers (MITFORLOB_ISSUERS or MITFORLOB_ISSUERS_FILE)");
        }
        if (value(env, "MITFORLOB_CPR_HMAC_KEY").isEmpty()) {
            missing.add("MITFORLOB_CPR_HMAC_KEY (base64, 32 bytes or more)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Production mode needs " + String.join(", ", missing)
                    + " (README.md, \"Running in production\")");
        }
    }

    public Settings withIssuers(List<TrustedIssuer> moreIssuers) {
        List<TrustedIssuer> all = new ArrayList<>(issuers);
        all.addAll(moreIssuers);
        return new Settings(mode, host, port, mongoUri, mongoDatabase, dataDir, embeddedInMemory, all, cprHmacKey,
                maxBodyBytes, devIssuerPort, logFormat, hoursWindowDays, rateLimits, push);
    }

    /** The same settings with other rate limits (tests of the limits themselves). */
    public Settings withRateLimits(RateLimits limits) {
        return new Settings(mode, host, port, mongoUri, mongoDatabase, dataDir, embeddedInMemory, issuers, cprHmacKey,
                maxBodyBytes, devIssuerPort, logFormat, hoursWindowDays, limits, push);
    }

    private static RateLimits rateLimits(Map<String, String> env) {
        RateLimits defaults = RateLimits.DEFAULTS;
        return new RateLimits(
                integer(env, "MITFORLOB_RATE_LIMIT_WRITES", defaults.writes()),
                integer(env, "MITFORLOB_RATE_LIMIT_READS", defaults.reads()),
                integer(env, "MITFORLOB_RATE_LIMIT_CASE_SYSTEM_WRITES", defaults.caseSystemWrites()),
                integer(env, "MITFORLOB_RATE_LIMIT_CASE_SYSTEM_READS", defaults.caseSystemReads()));
    }

    /** The key demo mode uses when none is set: fixed, so demo data survives restarts. Never for production. */
    public static byte[] demoKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("mitforlob demo only - not a secret".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MITFORLOB_CPR_HMAC_KEY must be base64");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int integer(Map<String, String> env, String name, int defaultValue) {
        Optional<String> value = value(env, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value.get() + "'");
        }
    }

    /** Trusted issuers from MITFORLOB_ISSUERS (JSON) or the file MITFORLOB_ISSUERS_FILE (JSON or YAML). */
    private static List<TrustedIssuer> issuers(Map<String, String> env) {
        Optional<String> inline = value(env, "MITFORLOB_ISSUERS");
        Optional<String> file = value(env, "MITFORLOB_ISSUERS_FILE");
        if (inline.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("Set MITFORLOB_ISSUERS or MITFORLOB_ISSUERS_FILE, not both");
        }
        try {
            JsonNode list;
            if (inline.isPresent()) {
                list = new ObjectMapper().readTree(inline.get());
            } else if (file.isPresent()) {
                list = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(file.get())));
            } else {
                return List.of();
            }
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException("Trusted issuers must be a list");
            }
            List<TrustedIssuer> issuers = new ArrayList<>();
            for (JsonNode entry : list) {
                issuers.add(issuer(entry));
            }
            return issuers;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read the trusted issuers: " + e.getMessage(), e);
        }
    }

    private static TrustedIssuer issuer(JsonNode entry) {
        Set<String> known = Set.of("name", "issuer", "audience", "jwksUri", "roles", "rolesClaim",
                "municipalityClaim", "cprClaim", "subjectClaim", "tokenType");
        entry.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("Unknown setting '" + field + "' in a trusted issuer; known: " + known);
            }
        });
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : entry.path("roles")) {
            roles.add(Role.fromClaim(role.asText()).orElseThrow(() ->
                    new IllegalArgumentException("Unknown role '" + role.asText() + "' in trusted issuer "
                            + entry.path("name").asText())));
        }
        return new TrustedIssuer(
                entry.path("name").asText(null),
                entry.path("issuer").asText(null),
                entry.path("audience").asText(null),
                optional(entry, "jwksUri").map(URI::create),
                roles,
                optional(entry, "rolesClaim"),
                optional(entry, "municipalityClaim"),
                optional(entry, "cprClaim"),
                optional(entry, "subjectClaim").orElse("sub"),
                optional(entry, "tokenType").map(TrustedIssuer.TokenType::fromSetting).orElse(TrustedIssuer.TokenType.JWT));
    }

    private static Optional<String> optional(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }
}
