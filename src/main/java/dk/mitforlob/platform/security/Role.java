package dk.mitforlob.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in caller may act as. An issuer can only ever grant the roles configured for it. */
public enum Role {
    CITIZEN("citizen"),
    CASEWORKER("caseworker"),
    INTEGRATION("integration"),
    EVALUATOR("evaluator"),
    SURVEY_ADMIN("survey-admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The role's name in tokens, configuration and audit entries. */
    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return claimValue;
    }
}
