package dk.mitforlob.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal real OIDC issuer whose signing key can be rotated: discovery document and JWKS over
 * HTTP on loopback, RS256 tokens signed with the current key. It counts JWKS fetches, so a test
 * can see when the service re-fetched keys.
 */
public final class KeyRotatingIssuer implements AutoCloseable {

    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile RSAKey current;
    private volatile RSAKey next;
    private volatile List<RSAKey> published;
    private volatile boolean down;

    public KeyRotatingIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/rotating";
        rotate();
        server.createContext("/rotating/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
        server.createContext("/rotating/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            respond(exchange, new JWKSet(published.stream().map(RSAKey::toPublicJWK)
                    .map(k -> (com.nimbusds.jose.jwk.JWK) k).toList()).toString());
        });
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    /** A new signing key with a new {@code kid}; only the new key is published from now on. */
    public void rotate() {
        current = newKey();
        published = List.of(current);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("key-" + Instant.now().toEpochMilli() + "-"
                    + Integer.toHexString(System.identityHashCode(new Object()))).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the key it will sign with next beside the current one, as issuers announce a rotation ahead. */
    public void publishNextKey() {
        next = newKey();
        published = List.of(current, next);
    }

    /** Starts signing with the key announced by {@link #publishNextKey()}. */
    public void useNextKey() {
        current = next;
    }

    /** While down, the JWKS endpoint answers 503. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public String token(String subject, String audience, Map<String, Object> claims) {
        return sign(current, current.getKeyID(), subject, audience, claims, JOSEObjectType.JWT);
    }

    /** A token with the given JOSE header {@code typ} ({@code null} for none). */
    public String token(String subject, String audience, Map<String, Object> claims, JOSEObjectType type) {
        return sign(current, current.getKeyID(), subject, audience, claims, type);
    }

    /** A token signed with the current key but naming a {@code kid} the issuer never published. */
    public String tokenWithUnknownKid(String subject, String audience, Map<String, Object> claims) {
        return sign(current, "never-published-" + System.nanoTime(), subject, audience, claims, JOSEObjectType.JWT);
    }

    private String sign(RSAKey key, String kid, String subject, String audience, Map<String, Object> claims,
                        JOSEObjectType type) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(type)
                .build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
