package dk.mitforlob.platform.security;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.ProblemResponses;

/**
 * Every request below {@code /api/} must carry a valid bearer token. The verified {@link Caller} is
 * put in the request context; what the caller may do is decided per route by {@link Access}.
 */
public final class BearerAuthentication implements Filter {

    private static final String PROTECTED_PREFIX = "/api/";
    private static final String BEARER = "bearer ";

    private final AccessTokenVerifier verifier;

    public BearerAuthentication(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.prologue().uriPath().path().startsWith(PROTECTED_PREFIX)) {
            chain.proceed();
            return;
        }
        try {
            req.context().register(verifier.verify(token(req)));
        } catch (Rejection rejection) {
            ProblemResponses.send(req, res, rejection);
            return;
        } catch (RuntimeException e) {
            // a token no verifier step expected; whatever it is, it does not authenticate anyone
            ProblemResponses.send(req, res, new Rejection(Rejection.Kind.UNAUTHORIZED, "invalid-token",
                    "The access token could not be read").withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            return;
        }
        chain.proceed();
    }

    private static String token(RoutingRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "authentication-required",
                    "Sign in: send an access token as 'Authorization: Bearer <token>'")
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        String value = header.get().strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "invalid-token",
                    "The Authorization header must be 'Bearer <token>'")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_request\"");
        }
        return value.substring(BEARER.length()).strip();
    }
}
