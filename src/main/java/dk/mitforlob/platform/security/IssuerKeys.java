package dk.mitforlob.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import dk.mitforlob.platform.json.Json;

/**
 * The signing keys of one issuer. Nothing is fetched until the first token arrives, so the service
 * starts while an issuer is down. Keys are cached; a token with an unknown {@code kid} re-fetches
 * them (at most once per 30 s), which is how key rotation is picked up without a restart.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_DISCOVERY_AFTER = Duration.ofSeconds(10);
    private static final long CACHE_TTL_MS = Duration.ofMinutes(15).toMillis();
    private static final long CACHE_REFRESH_TIMEOUT_MS = Duration.ofSeconds(15).toMillis();
    private static final long MIN_REFETCH_INTERVAL_MS = Duration.ofSeconds(30).toMillis();
    private static final long OUTAGE_TOLERANCE_MS = Duration.ofHours(12).toMillis();

    private final TrustedIssuer issuer;
    private final HttpClient http;
    private volatile JWKSource<SecurityContext> delegate;
    private volatile long lastFailedDiscovery;

    IssuerKeys(TrustedIssuer issuer, HttpClient http) {
        this.issuer = issuer;
        this.http = http;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> current = delegate;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (delegate == null) {
                URI jwks = issuer.jwksUri().isPresent() ? issuer.jwksUri().get() : discoverJwksUri();
                delegate = build(jwks);
            }
            return delegate;
        }
    }

    private static JWKSource<SecurityContext> build(URI jwks) throws KeySourceException {
        try {
            URL url = jwks.toURL();
            return JWKSourceBuilder.<SecurityContext>create(url)
                    .cache(CACHE_TTL_MS, CACHE_REFRESH_TIMEOUT_MS)
                    .rateLimited(MIN_REFETCH_INTERVAL_MS)
                    .outageTolerant(OUTAGE_TOLERANCE_MS)
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeySourceException("Invalid JWKS URI " + jwks, e);
        }
    }

    private URI discoverJwksUri() throws KeySourceException {
        long now = System.currentTimeMillis();
        if (now - lastFailedDiscovery < RETRY_DISCOVERY_AFTER.toMillis()) {
            throw new KeySourceException("OIDC discovery for issuer '" + issuer.name() + "' failed recently");
        }
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(issuer.discoveryUri()).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("discovery answered " + response.statusCode());
            }
            JsonNode metadata = Json.readTree(response.body());
            if (!issuer.issuer().equals(metadata.path("issuer").asText())) {
                throw new IOException("discovery names another issuer: " + metadata.path("issuer").asText());
            }
            String jwksUri = metadata.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                throw new IOException("discovery has no jwks_uri");
            }
            return URI.create(jwksUri);
        } catch (IOException | RuntimeException e) {
            lastFailedDiscovery = now;
            throw new KeySourceException("OIDC discovery for issuer '" + issuer.name() + "' failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySourceException("Interrupted during OIDC discovery", e);
        }
    }
}
