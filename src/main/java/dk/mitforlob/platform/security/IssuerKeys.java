package dk.mitforlob.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dk.mitforlob.platform.json.Json;

/**
 * The signing keys of one issuer. They are fetched in the background ({@link #refreshIfDue()}) so
 * that a rotation the issuer announces ahead is known before the first token with the new key
 * arrives; nothing is fetched on the start-up path, so the service starts while an issuer is down.
 * A token naming a key not yet known makes one fetch on the spot, at most once per
 * {@link #MIN_REFETCH_INTERVAL}: tokens with made-up key ids cannot make the service hammer the
 * issuer. When that fetch is not allowed yet, or fails, the answer is "try again" (503 with
 * {@code Retry-After}), not "invalid token" (401), which would send a citizen back to MitID; a key
 * id the last fetch showed to be absent is simply unknown (401). Known keys are kept through an
 * outage for up to {@link #MAX_KEY_AGE}.
 * See docs/decisions/0013.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    /** How often the background checks the keys; they are fetched when older than {@link #REFRESH_AFTER}. */
    static final Duration BACKGROUND_CHECK = Duration.ofSeconds(30);
    static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** While no keys are known, how long after a failed fetch the next request may try again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    static final Duration MAX_KEY_AGE = Duration.ofHours(12);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    private static final int MAX_REMEMBERED_ABSENT = 1000;

    /** No fetch may be made for this key right now, or it failed; retry after the given seconds. */
    static final class Unavailable extends KeySourceException {
        private final long retryAfterSeconds;

        Unavailable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final TrustedIssuer issuer;
    private final HttpClient http;
    private final Clock clock;
    private final IssuerReachability reachability;
    private final Object fetching = new Object();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant failedAt = Instant.MIN;
    private volatile Instant refetchedForUnknownKeyAt = Instant.MIN;
    /** Key ids looked for since the last fetch and not there: tokens naming them are simply invalid. */
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private volatile URI jwksUri;

    IssuerKeys(TrustedIssuer issuer, HttpClient http, Clock clock) {
        this.issuer = issuer;
        this.http = http;
        this.clock = clock;
        this.reachability = new IssuerReachability(issuer.name());
        this.jwksUri = issuer.jwksUri().orElse(null);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet known = usableKeys();
        if (known != null) {
            List<JWK> matches = selector.select(known);
            String kid = kid(selector);
            if (!matches.isEmpty() || (kid != null && absent.contains(kid))) {
                return matches;
            }
        }
        synchronized (fetching) {
            JWKSet current = usableKeys();
            if (current != null && current != known && !selector.select(current).isEmpty()) {
                return selector.select(current);
            }
            Instant now = clock.instant();
            if (current == null) {
                Duration wait = RETRY_AFTER_FAILURE.minus(Duration.between(failedAt, now));
                if (wait.isPositive()) {
                    throw new Unavailable("The keys of issuer '" + issuer.name() + "' could not be fetched moments ago",
                            wait, null);
                }
            } else {
                Duration wait = MIN_REFETCH_INTERVAL.minus(Duration.between(refetchedForUnknownKeyAt, now));
                if (wait.isPositive()) {
                    throw new Unavailable("The keys of issuer '" + issuer.name() + "' were fetched again moments ago",
                            wait, null);
                }
                refetchedForUnknownKeyAt = now;
            }
            fetch();
            List<JWK> matches = selector.select(keys);
            String kid = kid(selector);
            if (matches.isEmpty() && kid != null && absent.size() < MAX_REMEMBERED_ABSENT) {
                absent.add(kid);
            }
            return matches;
        }
    }

    private static String kid(JWKSelector selector) {
        Set<String> ids = selector.getMatcher().getKeyIDs();
        return ids == null ? null : ids.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The background's turn: fetches the keys when none are known or they are due; a failure keeps the old ones. */
    void refreshIfDue() {
        Instant now = clock.instant();
        if (keys != null && Duration.between(fetchedAt, now).compareTo(REFRESH_AFTER) < 0) {
            return;
        }
        synchronized (fetching) {
            try {
                fetch();
            } catch (Unavailable e) {
                // logged once per outage by the reachability; the next check tries again
            }
        }
    }

    private JWKSet usableKeys() {
        JWKSet current = keys;
        return current != null && fetchedAt.plus(MAX_KEY_AGE).isAfter(clock.instant()) ? current : null;
    }

    private void fetch() throws Unavailable {
        Instant now = clock.instant();
        try {
            if (jwksUri == null) {
                jwksUri = discoverJwksUri();
            }
            JWKSet fetched = JWKSet.parse(get(jwksUri));
            absent.clear();
            fetchedAt = now;
            keys = fetched;
            reachability.reached(now);
        } catch (IOException | ParseException | RuntimeException e) {
            failedAt = now;
            reachability.unreachable(now, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new Unavailable("The keys of issuer '" + issuer.name() + "' cannot be fetched", RETRY_AFTER_FAILURE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while fetching keys", RETRY_AFTER_FAILURE, e);
        }
    }

    private URI discoverJwksUri() throws IOException, InterruptedException {
        JsonNode metadata = Json.mapper().readTree(get(issuer.discoveryUri()));
        if (!issuer.issuer().equals(metadata.path("issuer").asText())) {
            throw new IOException("discovery names another issuer: " + metadata.path("issuer").asText());
        }
        String uri = metadata.path("jwks_uri").asText("");
        if (uri.isEmpty()) {
            throw new IOException("discovery has no jwks_uri");
        }
        return URI.create(uri);
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        if (response.body().length > MAX_DOCUMENT_BYTES) {
            throw new IOException(uri + " answered with more than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
