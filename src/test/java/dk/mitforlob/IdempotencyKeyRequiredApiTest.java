package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.OpenApiContract;
import dk.mitforlob.testing.OperationFixtures;
import dk.mitforlob.testing.TestService;

/**
 * Every create of the contract (every operation that takes an {@code Idempotency-Key}: own steps,
 * comments, meeting objections, paid hours, and any added later) refuses a request without one, so
 * a phone's retry can never create a second copy.
 */
class IdempotencyKeyRequiredApiTest {

    private final TestService service = TestService.get();

    @Test
    void every_create_without_an_idempotency_key_is_400() {
        OperationFixtures fixtures = new OperationFixtures(service);
        List<String> creates = new ArrayList<>();
        for (OpenApiContract.Operation operation : fixtures.contract().operations()) {
            if (!fixtures.hasHeader(operation, "Idempotency-Key")) {
                continue;
            }
            creates.add(operation.id());
            JsonNode body = fixtures.body(operation);
            var request = service.api().request(operation.method(), fixtures.path(operation))
                    .bearer(fixtures.token(operation)).invalid();
            if (body != null) {
                request.json(body.toString());
            }
            ApiResponse response = request.send().expectProblem(400, "idempotency-key-required");

            assertThat(response.problemFields()).containsExactly("Idempotency-Key");
        }

        assertThat(creates).contains("addMyStep", "commentOnMyActivity", "commentOnMyMeeting", "objectToMyMeeting",
                "registerHours");
    }

    @Test
    void every_create_declares_the_key_required_in_the_contract() {
        OperationFixtures fixtures = new OperationFixtures(service);
        for (OpenApiContract.Operation operation : fixtures.contract().operations()) {
            fixtures.parameters(operation).stream()
                    .filter(p -> p.path("name").asText().equalsIgnoreCase("Idempotency-Key"))
                    .forEach(p -> assertThat(p.path("required").asBoolean()).as(operation.id()).isTrue());
        }
    }
}
