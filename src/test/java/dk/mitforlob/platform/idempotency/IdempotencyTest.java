package dk.mitforlob.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

class IdempotencyTest {

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final MongoStore store = own.store();
    private final TestClock clock = new TestClock();
    private final Idempotency idempotency = new Idempotency(store, clock);
    private final AtomicInteger runs = new AtomicInteger();
    private final List<String> operationIds = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        own.close();
    }

    private Idempotency.Response create(String operationId) {
        runs.incrementAndGet();
        operationIds.add(operationId);
        return Idempotency.Response.of(201, ("{\"id\":\"" + operationId + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of("Location", "/x/" + operationId));
    }

    @Test
    void the_same_key_and_body_runs_once_and_replays_the_first_response() {
        var first = idempotency.execute("citizen-1:thing", Optional.of("key-00000001"), "body-a", this::create);
        var second = idempotency.execute("citizen-1:thing", Optional.of("key-00000001"), "body-a", this::create);

        assertThat(runs).hasValue(1);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers()).isEqualTo(first.headers());
        assertThat(second.replayed()).isTrue();
    }

    @Test
    void keys_are_separate_per_scope() {
        idempotency.execute("citizen-1:thing", Optional.of("key-00000001"), "body-a", this::create);
        idempotency.execute("citizen-2:thing", Optional.of("key-00000001"), "body-a", this::create);

        assertThat(runs).hasValue(2);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        idempotency.execute("s", Optional.of("key-00000001"), "body-a", this::create);

        assertThatThrownBy(() -> idempotency.execute("s", Optional.of("key-00000001"), "body-b", this::create))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("idempotency-key-reused"));
    }

    @Test
    void a_retry_while_the_first_request_runs_is_409() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> idempotency.execute("s", Optional.of("key-00000001"), "b", id -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return create(id);
        }));
        started.await();

        assertThatThrownBy(() -> idempotency.execute("s", Optional.of("key-00000001"), "b", this::create))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("request-in-flight");
                });
        release.countDown();
        first.join();
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_retry_after_a_crash_takes_over_with_the_same_operation_id() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        assertThatThrownBy(() -> idempotency.execute("s", Optional.of("key-00000001"), "b", id -> {
            operationIds.add(id);
            throw new IllegalStateException("the store went away half-way");
        })).isInstanceOf(IllegalStateException.class);

        idempotency.execute("s", Optional.of("key-00000001"), "b", this::create);

        assertThat(operationIds).hasSize(2);
        assertThat(operationIds.get(1)).isEqualTo(operationIds.get(0));
    }

    @Test
    void a_claim_abandoned_by_a_dead_process_is_taken_over_after_its_lease() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        // a request that claimed the key and never finished, as when its process was killed
        CountDownLatch claimed = new CountDownLatch(1);
        Thread stuck = Thread.ofVirtual().start(() -> idempotency.execute("s", Optional.of("key-00000001"), "b", id -> {
            operationIds.add(id);
            claimed.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("killed");
        }));
        try {
            claimed.await();
            clock.set(Instant.parse("2026-11-23T10:00:00Z").plus(Idempotency.LEASE).plusSeconds(1));

            idempotency.execute("s", Optional.of("key-00000001"), "b", this::create);

            assertThat(operationIds).hasSize(2).allMatch(operationIds.get(0)::equals);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            stuck.interrupt();
        }
    }

    @Test
    void a_refused_request_frees_its_key_for_a_corrected_one() {
        assertThatThrownBy(() -> idempotency.execute("s", Optional.of("key-00000001"), "bad", id -> {
            throw Rejection.invalid("text", "is required");
        })).isInstanceOf(Rejection.class);

        idempotency.execute("s", Optional.of("key-00000001"), "good", this::create);

        assertThat(runs).hasValue(1);
    }

    @Test
    void keys_expire_after_eight_days() {
        clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        idempotency.execute("s", Optional.of("key-00000001"), "b", this::create);

        clock.set(Instant.parse("2026-11-08T09:00:00Z"));
        idempotency.execute("s", Optional.of("key-00000001"), "b", this::create);
        assertThat(runs).as("still within 7 days: replayed").hasValue(1);

        clock.set(Instant.parse("2026-11-09T11:00:00Z"));
        assertThat(idempotency.purgeExpired()).isEqualTo(1);
        idempotency.execute("s", Optional.of("key-00000001"), "b", this::create);
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_malformed_key_is_400() {
        assertThatThrownBy(() -> idempotency.execute("s", Optional.of("short"), "b", this::create))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("invalid-idempotency-key"));
    }

    @Test
    void without_a_key_every_request_runs() {
        idempotency.execute("s", Optional.empty(), "b", this::create);
        idempotency.execute("s", Optional.empty(), "b", this::create);

        assertThat(runs).hasValue(2);
        assertThat(operationIds.get(0)).isNotEqualTo(operationIds.get(1));
    }
}
