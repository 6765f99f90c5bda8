package dk.mitforlob.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What it takes to call any operation of the contract for real, also one added after this was
 * written: real ids for the path parameters the fixtures know (a citizen with a plan, an own step, a
 * registration of hours, an inbox item), values from the contract for the others, a body with every
 * required field, and the first test role the operation does not refuse.
 */
public final class OperationFixtures {

    private final TestService service;
    private final OpenApiContract contract;
    private final SampleValues samples;
    private final RawHttp raw;
    private final Map<String, String> ids = new HashMap<>();
    private final List<String> tokens;

    public OperationFixtures(TestService service) {
        this.service = service;
        this.contract = OpenApiContract.get();
        this.samples = new SampleValues(contract.spec());
        this.raw = new RawHttp(service.api().base());
        Fixtures.TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        String prefix = citizen.citizenId();
        ids.put("code", "851");
        ids.put("citizenId", citizen.citizenId());
        ids.put("externalRef", "REF-ops-" + UUID.randomUUID());
        ids.put("goalId", prefix + "-goal-work");
        ids.put("activityId", prefix + "-act-placement");
        ids.put("meetingId", prefix + "-meet-2");
        ids.put("stepId", service.api().post("/api/v1/me/plan/goals/" + prefix + "-goal-work/steps")
                .bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString())
                .json(Map.of("text", "Ring til Netto")).send().expect(201).json().path("id").asText());
        ids.put("registrationId", service.api().post("/api/v1/me/hours").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString())
                .json(Map.of("date", LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(1).toString(),
                        "employer", Map.of("name", "Netto"), "hours", 2))
                .send().expect(201).json().path("id").asText());
        ids.put("itemId", service.api().get("/api/v1/municipalities/851/inbox?citizenId=" + citizen.citizenId())
                .bearer(service.issuers().caseworker("851")).send().expect(200)
                .json().path("items").get(0).path("id").asText());
        tokens = List.of(citizen.token(), service.issuers().caseworker("851"), service.issuers().integration("851"),
                service.issuers().evaluator(), service.issuers().surveyAdmin());
    }

    public OpenApiContract contract() {
        return contract;
    }

    public SampleValues samples() {
        return samples;
    }

    /** The operation's path and path-level parameters together. */
    public List<JsonNode> parameters(OpenApiContract.Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        contract.spec().path("paths").path(operation.template()).path("parameters").forEach(parameters::add);
        operation.node().path("parameters").forEach(parameters::add);
        return parameters.stream().map(samples::resolve).toList();
    }

    /** The path with its parameters filled in. */
    public String path(OpenApiContract.Operation operation) {
        return samples.fill(operation.template(), parameters(operation), ids);
    }

    /** {@code name=value} for each required query parameter, from its example in the contract, leaving one out. */
    public String requiredQuery(OpenApiContract.Operation operation, String except) {
        return String.join("&", parameters(operation).stream()
                .filter(p -> p.path("in").asText().equals("query") && p.path("required").asBoolean(false))
                .filter(p -> !p.path("name").asText().equals(except))
                .map(p -> p.path("name").asText() + "=" + samples.pathValue(p))
                .toList());
    }

    public List<String> queryParameters(OpenApiContract.Operation operation) {
        return parameters(operation).stream().filter(p -> p.path("in").asText().equals("query"))
                .map(p -> p.path("name").asText()).toList();
    }

    public boolean hasHeader(OpenApiContract.Operation operation, String name) {
        return parameters(operation).stream()
                .anyMatch(p -> p.path("in").asText().equals("header") && p.path("name").asText().equalsIgnoreCase(name));
    }

    /** A body with the required fields of the operation's JSON request body; null when it takes none. */
    public JsonNode body(OpenApiContract.Operation operation) {
        JsonNode schema = samples.resolve(operation.node().path("requestBody"))
                .path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : samples.body(schema);
    }

    /** The first test token the operation does not refuse outright (401/403); the citizen's when it refuses all. */
    public String token(OpenApiContract.Operation operation) {
        String path = path(operation);
        boolean body = operation.node().has("requestBody");
        // an unparseable body: a probe must show whether the role is let in, never create anything
        byte[] probe = body ? "{".getBytes(StandardCharsets.UTF_8) : null;
        for (String token : tokens) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Authorization", List.of("Bearer " + token));
            if (body) {
                headers.put("Content-Type", List.of("application/json"));
            }
            MalformedRequests.Case request = new MalformedRequests.Case("probe", operation.method(), path, headers, probe);
            int status = raw.sendBytes(request.head("127.0.0.1"), probe, 0).status();
            if (status != 401 && status != 403) {
                return token;
            }
        }
        return tokens.getFirst();
    }
}
