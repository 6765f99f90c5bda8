package dk.mitforlob.platform.security;

import java.util.List;
import java.util.regex.Pattern;

import io.helidon.webserver.http.ServerRequest;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.reference.Municipalities;

/** What a route demands of its caller: a role, and for municipal roles, the municipality in the path. */
public final class Access {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{3}");

    private Access() {
    }

    public static Caller caller(ServerRequest req) {
        return req.context().get(Caller.class).orElseThrow(() -> new Rejection(Rejection.Kind.UNAUTHORIZED,
                "authentication-required", "Sign in: send an access token as 'Authorization: Bearer <token>'")
                .withHeader("WWW-Authenticate", "Bearer"));
    }

    /** The caller, who must hold {@code role}; 403 otherwise. */
    public static Caller require(ServerRequest req, Role role) {
        Caller caller = caller(req);
        if (!caller.has(role)) {
            throw Rejection.forbidden("role-required", "This needs the '" + role.claimValue() + "' role");
        }
        return caller;
    }

    /**
     * The caller, who must hold {@code role} (403) and act for {@code municipality} (403), which must
     * be one of the 98 (404) — checked in that order, so no one learns which codes exist but their own.
     * A code that is not three digits at all is a malformed request (400), whoever sends it.
     */
    public static Caller requireFor(ServerRequest req, Role role, String municipality) {
        if (municipality == null || !MUNICIPALITY_CODE.matcher(municipality).matches()) {
            throw Rejection.badRequest("invalid-parameter", "The municipality code in the path must be three digits")
                    .withErrors(List.of(new FieldError("code", "must be three digits")));
        }
        Caller caller = require(req, role);
        if (!caller.actsFor(municipality)) {
            throw Rejection.forbidden("other-municipality",
                    "You act for municipality " + String.join(", ", caller.municipalities())
                            + ", not for " + municipality);
        }
        Municipalities.requireKnown(municipality);
        return caller;
    }
}
