package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.MalformedRequests;
import dk.mitforlob.testing.OpenApiContract;
import dk.mitforlob.testing.OperationFixtures;
import dk.mitforlob.testing.RawHttp;
import dk.mitforlob.testing.TestService;

/**
 * The guard for every route, written now or later: each operation of the contract gets the whole
 * catalogue of malformed requests ({@link MalformedRequests}) and must answer every one with less
 * than 500, errors as problem+json. Operations, their paths, parameters and bodies come from
 * {@code api-spec/openapi.yaml}; path parameters are filled with real ids where the fixtures have
 * them (so requests reach the handlers) and from the contract's patterns otherwise; the token is
 * the first of the test roles the operation does not refuse outright.
 */
class MalformedRequestCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 4;

    private final TestService service = TestService.get();
    private final RawHttp raw = new RawHttp(service.api().base());

    @Test
    void no_operation_answers_a_malformed_request_with_a_5xx() throws Exception {
        OperationFixtures fixtures = new OperationFixtures(service);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int sent = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (OpenApiContract.Operation operation : fixtures.contract().operations()) {
                String path = fixtures.path(operation);
                String token = fixtures.token(operation);
                List<MalformedRequests.Case> cases = new ArrayList<>(new MalformedRequests(operation.method(), path,
                        token, fixtures.body(operation), fixtures.queryParameters(operation)).all());
                if (operation.method().equals("GET")) {
                    cases.add(new MalformedRequests.Case("HEAD", "HEAD", path,
                            Map.of("Authorization", List.of("Bearer " + token)), null));
                }
                List<Future<?>> running = new ArrayList<>();
                for (MalformedRequests.Case request : cases) {
                    running.add(pool.submit(() -> check(operation, request, failures)));
                }
                for (Future<?> future : running) {
                    future.get();
                }
                sent += cases.size();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("MalformedRequestCatalogueTest: %d malformed requests to %d operations%n", sent,
                fixtures.contract().operations().size());

        assertThat(fixtures.contract().operations()).hasSizeGreaterThan(25);
        assertThat(failures).as("malformed requests answered with 5xx, a broken connection or no problem+json")
                .isEmpty();
    }

    private void check(OpenApiContract.Operation operation, MalformedRequests.Case request, List<String> failures) {
        RawHttp.Response response = raw.sendBytes(request.head("127.0.0.1"), request.body(), 0);
        String where = operation.method() + " " + operation.template() + " with " + request.what() + ": ";
        if (response.status() < 0) {
            failures.add(where + "no answer (" + response.failure() + ")");
        } else if (response.status() >= 500) {
            failures.add(where + response.status() + " " + response.bodyText());
        } else if (response.status() >= 400 && !request.method().equals("HEAD")) {
            String type = response.header("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !isProblem(response.body())) {
                failures.add(where + response.status() + " without a problem document: " + type);
            }
        }
    }

    private static boolean isProblem(byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("code").isTextual() && problem.path("status").isInt();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
