package dk.mitforlob.platform.storage;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Ready only while the store answers: a load balancer stops sending traffic when it does not. */
public final class StoreHealthCheck implements HealthCheck {

    private final MongoStore store;

    public StoreHealthCheck(MongoStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = store.ping();
        return HealthCheckResponse.builder()
                .status(up)
                .detail("store", up ? "answers" : "does not answer")
                .build();
    }
}
