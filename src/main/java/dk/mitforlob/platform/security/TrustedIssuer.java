package dk.mitforlob.platform.security;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One OIDC issuer whose access tokens the service accepts, and what its tokens may do.
 *
 * @param name              short name used in logs and audit entries, e.g. {@code citizens}
 * @param issuer            the exact {@code iss} value of its tokens
 * @param audience          the {@code aud} value tokens must carry for this service
 * @param jwksUri           where its signing keys are; discovered from {@code issuer} when absent
 * @param roles             the only roles this issuer may grant
 * @param rolesClaim        claim holding the roles; when absent the issuer grants its single role to every token
 * @param municipalityClaim claim holding the municipality code(s) of caseworkers and integration clients
 * @param cprClaim          claim holding the citizen's CPR number (citizen issuers only)
 * @param subjectClaim      claim naming the caller, {@code sub} by default
 * @param tokenType         which tokens count as access tokens (ID tokens never do)
 */
public record TrustedIssuer(
        String name,
        String issuer,
        String audience,
        Optional<URI> jwksUri,
        Set<Role> roles,
        Optional<String> rolesClaim,
        Optional<String> municipalityClaim,
        Optional<String> cprClaim,
        String subjectClaim,
        TokenType tokenType) {

    /**
     * What an issuer's access tokens look like in their JOSE header {@code typ}. ID tokens are refused
     * in either case, by their payload (a {@code typ} of {@code ID}, a {@code nonce} or an {@code at_hash}).
     */
    public enum TokenType {
        /** RFC 9068 access tokens only: {@code typ} is {@code at+jwt}. For issuers that issue them. */
        AT_JWT("at+jwt"),
        /** {@code typ} is {@code at+jwt}, {@code JWT} or absent, as many providers issue access tokens. */
        JWT("jwt");

        private final String setting;

        TokenType(String setting) {
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }

        public static TokenType fromSetting(String value) {
            for (TokenType type : values()) {
                if (type.setting.equalsIgnoreCase(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("tokenType must be 'at+jwt' or 'jwt', not '" + value + "'");
        }
    }

    /** An issuer whose access tokens carry {@code typ} {@code at+jwt}, {@code JWT} or none. */
    public TrustedIssuer(String name, String issuer, String audience, Optional<URI> jwksUri, Set<Role> roles,
                         Optional<String> rolesClaim, Optional<String> municipalityClaim, Optional<String> cprClaim,
                         String subjectClaim) {
        this(name, issuer, audience, jwksUri, roles, rolesClaim, municipalityClaim, cprClaim, subjectClaim, TokenType.JWT);
    }

    public TrustedIssuer {
        requireText(name, "name");
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        Objects.requireNonNull(municipalityClaim, "municipalityClaim");
        Objects.requireNonNull(cprClaim, "cprClaim");
        requireText(subjectClaim, "subjectClaim");
        Objects.requireNonNull(tokenType, "tokenType");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Issuer '" + name + "' must list the roles it may grant");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        if (rolesClaim.isEmpty() && roles.size() != 1) {
            throw new IllegalArgumentException("Issuer '" + name + "' grants several roles, so it needs a roles claim");
        }
        if (roles.contains(Role.CITIZEN) && cprClaim.isEmpty()) {
            throw new IllegalArgumentException("Issuer '" + name + "' grants the citizen role, so it needs a CPR claim");
        }
        if ((roles.contains(Role.CASEWORKER) || roles.contains(Role.INTEGRATION)) && municipalityClaim.isEmpty()) {
            throw new IllegalArgumentException("Issuer '" + name
                    + "' grants a municipal role, so it needs a municipality claim");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Trusted issuer is missing '" + field + "'");
        }
    }

    /** Where to find the signing keys when none is configured: OIDC discovery below the issuer. */
    public URI discoveryUri() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }
}
