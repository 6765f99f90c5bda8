package dk.mitforlob.platform.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.idempotency.Idempotency;
import dk.mitforlob.platform.idempotency.RequestFingerprint;
import dk.mitforlob.platform.json.Json;

/** Creates that honour {@code Idempotency-Key}: the body is read and checked first, then run once per key. */
public final class IdempotentRequests {

    public static final HeaderName KEY_HEADER = HeaderNames.create("Idempotency-Key");
    public static final HeaderName REPLAYED_HEADER = HeaderNames.create("Idempotent-Replayed");

    private final Idempotency idempotency;

    public IdempotentRequests(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** The create itself, given the request body and the operation id to build ids from. */
    @FunctionalInterface
    public interface Creation<T> {
        Idempotency.Response create(T body, String operationId);
    }

    /**
     * Handles a create. A create without an {@code Idempotency-Key} is refused (400
     * {@code idempotency-key-required}): a phone that retries it could otherwise create it twice.
     *
     * @param scope    whose keys these are, e.g. the citizen id and the operation
     * @param bodyType the body's type, or {@code Void.class} for a create without a body
     */
    public <T> void create(ServerRequest req, ServerResponse res, String scope, Class<T> bodyType,
                           Creation<T> creation) {
        create(req, res, scope, bodyType, true, creation);
    }

    /**
     * A create whose body must leave no trace, not even a digest: an anonymous survey answer. The key
     * is matched on method and path only, since a stored digest of the body next to the caller's scope
     * could be compared with the stored answers to tell whose they are.
     */
    public <T> void createLeavingNoTraceOfBody(ServerRequest req, ServerResponse res, String scope, Class<T> bodyType,
                                               Creation<T> creation) {
        create(req, res, scope, bodyType, false, creation);
    }

    private <T> void create(ServerRequest req, ServerResponse res, String scope, Class<T> bodyType,
                            boolean fingerprintBody, Creation<T> creation) {
        Optional<String> key = req.headers().first(KEY_HEADER);
        if (key.isEmpty()) {
            throw Rejection.badRequest("idempotency-key-required",
                    "Send an Idempotency-Key header (a fresh UUID per thing created) so a retry cannot register twice")
                    .withErrors(List.of(new FieldError("Idempotency-Key", "is required")));
        }
        JsonNode tree = null;
        T body = null;
        if (bodyType != Void.class) {
            tree = Json.readTree(Exchange.jsonBytes(req));
            body = Json.read(tree, bodyType);
        }
        T finalBody = body;
        String fingerprint = RequestFingerprint.of(req.prologue().method().text(), req.path().path(),
                fingerprintBody ? tree : null);
        Idempotency.Response response = idempotency.execute(scope, key, fingerprint,
                operationId -> creation.create(finalBody, operationId));
        send(res, response);
    }

    public static Idempotency.Response json(Status status, Object body, Map<String, String> headers) {
        return Idempotency.Response.of(status.code(), Json.write(body), headers);
    }

    private static void send(ServerResponse res, Idempotency.Response response) {
        res.status(Status.create(response.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (response.replayed()) {
            res.header(REPLAYED_HEADER, "true");
        }
        res.send(response.body());
    }
}
