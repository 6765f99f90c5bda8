package dk.mitforlob.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.platform.storage.MongoWrites;

/**
 * Runs a create once per {@code Idempotency-Key}, however often a phone sends it.
 *
 * <p>The first request claims the key and records an operation id; the action uses that id for
 * what it creates, so that running it again (after a crash) finds its own earlier work instead of
 * doing it twice. The finished response is stored and replayed to every retry with the same key
 * and body. While the first request runs, a retry gets 409; if the first request died, a retry
 * after the lease takes over its claim, with the same operation id. Each attempt holds the claim
 * under a token of its own, so an attempt that was taken over cannot release or finish the claim
 * of the one that took over. Keys are kept for 8 days.
 * See docs/decisions/0009.
 */
public final class Idempotency {

    public static final Duration RETENTION = Duration.ofDays(8);
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final int MAX_ATTEMPTS = 5;

    /** A finished response, as first sent and as replayed. */
    public record Response(int status, byte[] body, Map<String, String> headers, boolean replayed) {
        public Response {
            Objects.requireNonNull(body);
            headers = Map.copyOf(headers);
        }

        public static Response of(int status, byte[] body, Map<String, String> headers) {
            return new Response(status, body, headers, false);
        }
    }

    /** What is done under the key; {@code operationId} is the same on every attempt of the same request. */
    @FunctionalInterface
    public interface Action {
        Response run(String operationId);
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Duration retention;

    public Idempotency(MongoStore store, Clock clock) {
        this(store, clock, RETENTION);
    }

    /** Keys kept for {@code retention} (MITFORLOB_RETENTION_IDEMPOTENCY_DAYS). */
    public Idempotency(MongoStore store, Clock clock, Duration retention) {
        this.keys = store.collection("idempotency_keys");
        this.clock = clock;
        this.retention = retention;
        // MongoDB removes expired keys itself; the embedded store ignores TTL, so purgeExpired() does it there
        keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * Runs {@code action} under {@code key} within {@code scope} (a caller and an operation), or
     * replays what it answered before.
     *
     * @param fingerprint identifies the request body; the same key with another body is refused (422)
     */
    public Response execute(String scope, Optional<String> key, String fingerprint, Action action) {
        if (key.isEmpty()) {
            return action.run(Ids.newId());
        }
        if (!KEY.matcher(key.get()).matches()) {
            throw Rejection.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 8-128 letters, digits or . _ : - (a UUID is a good choice)")
                    .withErrors(List.of(new FieldError("Idempotency-Key", "is not a valid key")));
        }
        String id = scope + "|" + key.get();
        Claim claim = claim(id, fingerprint);
        if (claim == null) {
            return stored(id);
        }
        var ours = Filters.and(Filters.eq("_id", id), Filters.eq("holder", claim.holder()));
        Response response;
        try {
            response = action.run(claim.operationId());
        } catch (Rejection rejection) {
            // refused for its content: actions look for their own earlier work before any rule, so a refusal
            // means nothing was written, and the key is free again for a corrected request
            keys.deleteOne(Filters.and(ours, Filters.eq("state", "in-flight")));
            throw rejection;
        } catch (RuntimeException e) {
            // we may have written part of the work: let the next retry take over at once, same operation id
            keys.updateOne(ours, Updates.set("leaseUntil", Date.from(clock.instant())));
            throw e;
        }
        Document stored = new Document("status", response.status())
                .append("body", new Binary(response.body()))
                .append("headers", new Document(new LinkedHashMap<>(response.headers())));
        keys.updateOne(ours, Updates.combine(Updates.set("state", "done"),
                Updates.set("response", stored), Updates.unset("leaseUntil")));
        return response;
    }

    /** An attempt's hold on a key: the operation id every attempt shares, and this attempt's own token. */
    private record Claim(String operationId, String holder) {
    }

    /** Claims the key; null when the request already finished. */
    private Claim claim(String id, String fingerprint) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String operationId = Ids.newId();
            String holder = Ids.newId();
            try {
                keys.insertOne(new Document("_id", id)
                        .append("fingerprint", fingerprint)
                        .append("state", "in-flight")
                        .append("operationId", operationId)
                        .append("holder", holder)
                        .append("leaseUntil", Date.from(now.plus(LEASE)))
                        .append("createdAt", Date.from(now))
                        .append("expiresAt", Date.from(now.plus(retention))));
                return new Claim(operationId, holder);
            } catch (MongoWriteException e) {
                if (!MongoWrites.isDuplicate(e)) {
                    throw e;
                }
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue;
            }
            if (existing.getDate("expiresAt").toInstant().isBefore(now)) {
                keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("expiresAt", existing.getDate("expiresAt"))));
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                throw Rejection.unprocessable("idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for new content");
            }
            if ("done".equals(existing.getString("state"))) {
                return null;
            }
            Date lease = existing.getDate("leaseUntil");
            if (lease.toInstant().isAfter(now)) {
                throw Rejection.conflict("request-in-flight",
                        "The first request with this Idempotency-Key is still being handled; retry shortly")
                        .withHeader("Retry-After", "2");
            }
            Document taken = keys.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.eq("state", "in-flight"), Filters.eq("leaseUntil", lease)),
                    Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(LEASE))),
                            Updates.set("holder", holder)));
            if (taken != null) {
                return new Claim(taken.getString("operationId"), holder);
            }
        }
        throw Rejection.conflict("request-in-flight",
                "The first request with this Idempotency-Key is still being handled; retry shortly")
                .withHeader("Retry-After", "2");
    }

    private Response stored(String id) {
        Document existing = keys.find(Filters.eq("_id", id)).first();
        if (existing == null || existing.get("response") == null) {
            throw Rejection.conflict("request-in-flight", "Retry shortly").withHeader("Retry-After", "2");
        }
        Document response = existing.get("response", Document.class);
        Map<String, String> headers = new LinkedHashMap<>();
        response.get("headers", Document.class).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        return new Response(response.getInteger("status"), response.get("body", Binary.class).getData(), headers, true);
    }

    /** Removes keys past their retention (MongoDB's TTL index does this too; the embedded store needs it). */
    public long purgeExpired() {
        return keys.deleteMany(Filters.lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }
}
