package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.ApiRequest;
import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.OpenApiContract;
import dk.mitforlob.testing.OpenApiContract.Operation;
import dk.mitforlob.testing.TestService;

/**
 * Every operation of the contract that returns or changes a citizen's data for a role other than
 * the citizen, called for real: each leaves exactly one audit entry for that citizen, with the
 * caller, the action and the resource its {@code x-audit} declares. Which operations that are is
 * read from the contract, so a new one is held to it the day it is added: an operation for another
 * role that names a citizen in its path or answers with a {@code citizenId} must declare {@code x-audit}.
 */
class AuditCompletenessTest {

    /** A municipality no other test uses, so that its lists (caseload, inbox, events) show this test's citizen. */
    private static final String CODE = "849";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final TestService SERVICE = TestService.get();
    private static final OpenApiContract CONTRACT = OpenApiContract.get();

    private static TestCitizen citizen;
    private static final Map<String, String> IDS = new HashMap<>();

    @BeforeAll
    static void aCitizenWithInput() {
        citizen = Fixtures.citizenWithPlan(SERVICE, CODE);
        SERVICE.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Et skridt")).send().expect(201);
        IDS.put("code", CODE);
        IDS.put("citizenId", citizen.citizenId());
        IDS.put("itemId", SERVICE.api().get("/api/v1/municipalities/" + CODE + "/inbox?citizenId=" + citizen.citizenId())
                .bearer(SERVICE.issuers().caseworker(CODE)).send().expect(200).json().path("items").get(0).path("id")
                .asText());
    }

    static boolean forAnotherRole(Operation operation) {
        Set<String> tags = new HashSet<>();
        operation.node().path("tags").forEach(tag -> tags.add(tag.asText()));
        return !tags.contains("citizen") && !tags.contains("reference");
    }

    /** The operation names a citizen in its path, or its answer carries a {@code citizenId}. */
    static boolean touchesACitizen(Operation operation) {
        if (operation.template().contains("{citizenId}") || operation.template().contains("{externalRef}")) {
            return true;
        }
        List<JsonNode> schemas = new ArrayList<>();
        operation.node().path("responses").forEach(response -> resolve(response).path("content")
                .forEach(media -> schemas.add(media.path("schema"))));
        return schemas.stream().anyMatch(schema -> mentionsCitizenId(schema, new HashSet<>()));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = CONTRACT.spec();
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    private static boolean mentionsCitizenId(JsonNode schema, Set<String> seen) {
        if (schema.has("$ref") && !seen.add(schema.path("$ref").asText())) {
            return false;
        }
        JsonNode resolved = resolve(schema);
        if (resolved.path("properties").has("citizenId")) {
            return true;
        }
        List<JsonNode> nested = new ArrayList<>();
        resolved.path("properties").forEach(nested::add);
        nested.add(resolved.path("items"));
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            resolved.path(combinator).forEach(nested::add);
        }
        return nested.stream().filter(n -> !n.isMissingNode()).anyMatch(n -> mentionsCitizenId(n, seen));
    }

    static Stream<Operation> auditedOperations() {
        return CONTRACT.operations().stream().filter(AuditCompletenessTest::forAnotherRole)
                .filter(operation -> operation.node().has("x-audit"));
    }

    @Test
    void every_operation_for_another_role_that_touches_a_citizen_declares_its_audit_entry() {
        List<String> undeclared = CONTRACT.operations().stream().filter(AuditCompletenessTest::forAnotherRole)
                .filter(AuditCompletenessTest::touchesACitizen)
                .filter(operation -> !operation.node().has("x-audit"))
                .map(Operation::id).toList();
        assertThat(undeclared).as("operations that reach a citizen's data without x-audit").isEmpty();
        assertThat(auditedOperations()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditedOperations")
    void leaves_exactly_one_audit_entry_for_the_citizen(Operation operation) {
        String role = operation.node().path("tags").get(0).asText();
        String token = role.equals("integration") ? SERVICE.issuers().integration(CODE) : SERVICE.issuers().caseworker(CODE);
        Map<String, String> ids = new HashMap<>(IDS);
        ids.put("externalRef", "REF-audit-" + UUID.randomUUID());
        String requestId = "audit-completeness-" + UUID.randomUUID();

        ApiRequest request = SERVICE.api().request(operation.method(), fill(operation.template(), ids)).bearer(token)
                .header("X-Request-Id", requestId);
        if (hasHeader(operation, "If-Match")) {
            request = request.ifMatch("*");
        }
        if (operation.node().has("requestBody")) {
            request = request.json(body(operation));
        }
        ApiResponse response = request.send();
        assertThat(response.status()).as(operation.id() + ": " + response.bodyText()).isBetween(200, 299);
        String audited = operation.template().contains("{externalRef}")
                ? response.json().path("citizenId").asText() : citizen.citizenId();

        JsonNode declared = operation.node().path("x-audit");
        try (MongoStore store = SERVICE.openStore()) {
            List<Document> entries = store.collection("audit_log")
                    .find(new Document("requestId", requestId).append("citizenId", audited)).into(new ArrayList<>());
            assertThat(entries).as(operation.id() + " audit entries for the citizen").hasSize(1);
            Document entry = entries.getFirst();
            assertThat(entry.getString("action")).isEqualTo(declared.path("action").asText());
            assertThat(entry.getString("resource")).isEqualTo(declared.path("resource").asText());
            assertThat(entry.get("actor", Document.class).getString("role")).isEqualTo(role);
            assertThat(entry.get("actor", Document.class).getString("subject")).isEqualTo(subjectOf(token));
            assertThat(entry.getString("municipality")).isEqualTo(CODE);
        }
        assertThat(AccessTexts.known(declared.path("action").asText(), declared.path("resource").asText()))
                .as("the access log has a text for " + declared).isTrue();
    }

    /** A body that changes something, so that a write is a write: a new enrollment, a plan with a new title. */
    private static Object body(Operation operation) {
        if (operation.template().endsWith("/plan")) {
            Map<String, Object> plan = Fixtures.plan(citizen.citizenId());
            plan.put("contact", Map.of("name", "Kontakt " + UUID.randomUUID().toString().substring(0, 8)));
            return plan;
        }
        if (operation.template().contains("{externalRef}")) {
            return Fixtures.enrollment(Fixtures.newCpr(), "cw-" + CODE);
        }
        throw new AssertionError(operation.id() + " takes a body this test cannot yet make: teach body() it");
    }

    private static boolean hasHeader(Operation operation, String name) {
        List<JsonNode> parameters = new ArrayList<>();
        CONTRACT.spec().path("paths").path(operation.template()).path("parameters").forEach(parameters::add);
        operation.node().path("parameters").forEach(parameters::add);
        return parameters.stream().map(AuditCompletenessTest::resolve)
                .anyMatch(p -> p.path("in").asText().equals("header") && p.path("name").asText().equalsIgnoreCase(name));
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = ids.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError(template + ": no value for {" + matcher.group(1) + "}; teach the test it");
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String subjectOf(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
