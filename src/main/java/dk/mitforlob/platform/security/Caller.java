package dk.mitforlob.platform.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as established from a verified access token.
 *
 * @param issuer         name of the trusted issuer that signed the token
 * @param subject        the caller's id at that issuer
 * @param roles          the roles granted (always within the issuer's allowed roles)
 * @param municipalities municipality codes a caseworker or integration client acts for
 * @param citizenKey     keyed HMAC of a citizen's CPR number; the CPR itself is never kept
 */
public record Caller(String issuer, String subject, Set<Role> roles, Set<String> municipalities,
                     Optional<String> citizenKey) {

    public Caller {
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(subject);
        roles = Set.copyOf(roles);
        municipalities = Set.copyOf(municipalities);
        Objects.requireNonNull(citizenKey);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String municipality) {
        return municipalities.contains(municipality);
    }

    /** The role this caller acts in for an audit entry when it holds several: the most privileged first. */
    public Role primaryRole() {
        for (Role role : new Role[] {Role.CASEWORKER, Role.INTEGRATION, Role.EVALUATOR, Role.SURVEY_ADMIN, Role.CITIZEN}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("Caller without roles");
    }

    @Override
    public String toString() {
        return "Caller[" + issuer + "/" + subject + " " + roles + " " + municipalities + "]";
    }
}
