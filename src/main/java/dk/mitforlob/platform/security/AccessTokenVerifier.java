package dk.mitforlob.platform.security;

import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dk.mitforlob.platform.errors.Rejection;

/**
 * Verifies bearer tokens from any number of trusted issuers. The issuer is chosen from the token's
 * {@code iss} before anything is verified, and then that issuer's keys, audience and exact issuer
 * value must all hold: a token signed by one issuer can never pass as another's. Roles are the
 * intersection of what the token claims and what its issuer may grant.
 * See docs/decisions/0002.
 */
public final class AccessTokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{3}");
    private static final Pattern CLAIM_LIST_SEPARATOR = Pattern.compile("[\\s,]+");

    /** How often the background looks whether an issuer's keys are due (unknown yet, or 5 minutes old). */
    public static final Duration KEY_REFRESH = IssuerKeys.BACKGROUND_CHECK;
    /** Payload {@code typ} values of access tokens (Keycloak writes {@code Bearer}); {@code ID} and others are refused. */
    private static final Set<String> ACCESS_TOKEN_PAYLOAD_TYPES = Set.of("bearer", "at+jwt");

    private final Map<String, Verifier> byIssuer = new LinkedHashMap<>();
    private final CprHmac cprHmac;

    public AccessTokenVerifier(List<TrustedIssuer> issuers, CprHmac cprHmac) {
        this(issuers, cprHmac, Clock.systemUTC());
    }

    public AccessTokenVerifier(List<TrustedIssuer> issuers, CprHmac cprHmac, Clock clock) {
        this.cprHmac = cprHmac;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (TrustedIssuer issuer : issuers) {
            IssuerKeys keys = new IssuerKeys(issuer, http, clock);
            if (byIssuer.put(issuer.issuer(), new Verifier(issuer, keys, processor(issuer, keys))) != null) {
                throw new IllegalArgumentException("Issuer " + issuer.issuer() + " is configured twice");
            }
        }
    }

    /** Fetches every issuer's keys that are due (none known yet, or 5 minutes old); run in the background. */
    public void refreshKeys() {
        byIssuer.values().forEach(verifier -> verifier.keys().refreshIfDue());
    }

    public List<TrustedIssuer> issuers() {
        return byIssuer.values().stream().map(Verifier::issuer).toList();
    }

    /**
     * The caller behind a bearer token.
     *
     * @throws Rejection 401 for any token that does not verify, 503 when the issuer's keys cannot be fetched
     */
    public Caller verify(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw invalid("The access token is not a well-formed JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw invalid("The access token is not a signed JWT");
        }
        String iss;
        try {
            iss = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw invalid("The access token's claims are not well-formed");
        }
        Verifier verifier = iss == null ? null : byIssuer.get(iss);
        if (verifier == null) {
            throw invalid("The access token is not from a trusted issuer");
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.processor().process(signed, null);
        } catch (KeySourceException e) {
            // the key may well be real (just rotated, or the issuer is down): "retry", not "sign in again"
            long retryAfter = e instanceof IssuerKeys.Unavailable unavailable ? unavailable.retryAfterSeconds()
                    : IssuerKeys.RETRY_AFTER_FAILURE.toSeconds();
            throw new Rejection(Rejection.Kind.UNAVAILABLE, "authentication-unavailable",
                    "The signing keys of the token's issuer cannot be fetched right now; try again shortly")
                    .withHeader("Retry-After", Long.toString(retryAfter));
        } catch (BadJWTException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Expired JWT")) {
                throw new Rejection(Rejection.Kind.UNAUTHORIZED, "token-expired", "The access token has expired")
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\"");
            }
            throw invalid("The access token's claims are not valid for this service");
        } catch (BadJOSEException | JOSEException e) {
            throw invalid("The access token's signature does not verify");
        }
        if (isIdToken(claims)) {
            throw invalid("An ID token is not an access token; send the access token");
        }
        return caller(verifier.issuer(), claims);
    }

    /**
     * An OIDC ID token can carry our audience and pass every signature and claim check; only its
     * content tells it apart. A header {@code typ} of {@code JWT} proves nothing (some providers write
     * it on both), so the payload decides: a {@code typ} other than an access token's, or a
     * {@code nonce} or {@code at_hash}, which only ID tokens have.
     */
    private static boolean isIdToken(JWTClaimsSet claims) {
        Object typ = claims.getClaim("typ");
        boolean accessTokenType = typ instanceof String text
                && ACCESS_TOKEN_PAYLOAD_TYPES.contains(text.toLowerCase(Locale.ROOT));
        if (typ != null && !accessTokenType) {
            return true;
        }
        return claims.getClaim("nonce") != null || claims.getClaim("at_hash") != null;
    }

    private Caller caller(TrustedIssuer issuer, JWTClaimsSet claims) {
        Object subject = claims.getClaim(issuer.subjectClaim());
        if (!(subject instanceof String sub) || sub.isBlank()) {
            throw invalid("The access token names no subject");
        }
        Set<Role> roles = grantedRoles(issuer, claims);
        Set<String> municipalities = new TreeSet<>();
        issuer.municipalityClaim().ifPresent(claim -> values(claims.getClaim(claim)).stream()
                .filter(code -> MUNICIPALITY.matcher(code).matches())
                .forEach(municipalities::add));
        Optional<String> citizenKey = Optional.empty();
        if (roles.contains(Role.CITIZEN)) {
            Object cpr = claims.getClaim(issuer.cprClaim().orElseThrow());
            if (!(cpr instanceof String cprValue) || !CprHmac.looksLikeCpr(cprValue)) {
                throw invalid("The access token carries no valid citizen identity");
            }
            citizenKey = Optional.of(cprHmac.digest(cprValue, "token"));
        }
        return new Caller(issuer.name(), sub, roles, municipalities, citizenKey);
    }

    private static Set<Role> grantedRoles(TrustedIssuer issuer, JWTClaimsSet claims) {
        if (issuer.rolesClaim().isEmpty()) {
            return issuer.roles();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims.getClaim(issuer.rolesClaim().get()))) {
            Role.fromClaim(value).filter(issuer.roles()::contains).ifPresent(roles::add);
        }
        return roles;
    }

    /** A claim as a list of strings: JSON arrays element by element, strings split on spaces or commas. */
    private static List<String> values(Object claim) {
        if (claim instanceof String text) {
            return List.of(CLAIM_LIST_SEPARATOR.split(text.strip()));
        }
        if (claim instanceof Collection<?> items) {
            return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static Rejection invalid(String detail) {
        return new Rejection(Rejection.Kind.UNAUTHORIZED, "invalid-token", detail)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static DefaultJWTProcessor<SecurityContext> processor(TrustedIssuer issuer, IssuerKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(issuer.tokenType() == TrustedIssuer.TokenType.AT_JWT
                ? new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"))
                : new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Nimbus needs mutable sets here (an immutable one threw an NPE)
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(issuer.audience())),
                new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(),
                new HashSet<>(Set.of("exp", issuer.subjectClaim())),
                null));
        return processor;
    }

    private record Verifier(TrustedIssuer issuer, IssuerKeys keys, DefaultJWTProcessor<SecurityContext> processor) {
    }
}
