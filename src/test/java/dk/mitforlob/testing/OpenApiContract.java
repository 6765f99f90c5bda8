package dk.mitforlob.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The API contract, {@code api-spec/openapi.yaml}, as a checker of real requests and responses:
 * the operation must exist, the status must be documented, the content type declared, and the
 * body must validate against the schema (JSON Schema 2020-12, formats asserted).
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Statuses that must be listed explicitly on an operation; others may fall to {@code default}. */
    private static final Set<Integer> MUST_BE_EXPLICIT =
            Set.of(200, 201, 202, 204, 304, 400, 401, 403, 404, 409, 412, 422, 428);

    private static OpenApiContract instance;

    private final JsonNode spec;
    private final ObjectNode definitions;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    public record Operation(String method, String template, Pattern pattern, int literalLength, JsonNode node) {
        public String id() {
            return node.path("operationId").asText(method + " " + template);
        }
    }

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        this.definitions = (ObjectNode) rewriteRefs(spec.path("components").path("schemas").deepCopy());
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", "");
            int literalLength = template.replaceAll("\\{[^}/]+}", "").length();
            path.getValue().fields().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), template,
                            Pattern.compile(regex), literalLength, method.getValue()));
                }
            });
        }
    }

    public static synchronized OpenApiContract get() {
        if (instance == null) {
            instance = load(Path.of("api-spec", "openapi.yaml"));
        }
        return instance;
    }

    public static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract " + file, e);
        }
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public JsonNode spec() {
        return spec;
    }

    /** The operation for a method and path; a path literal wins over a template parameter. */
    public Optional<Operation> find(String method, String path) {
        // every GET also answers HEAD (the contract says so once, in its description)
        String declared = method.equals("HEAD") ? "GET" : method;
        return operations.stream()
                .filter(op -> op.method().equals(declared) && op.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalLength));
    }

    /** Everything wrong with a request the test sends as valid. */
    public List<String> checkRequest(Operation op, URI uri, Map<String, List<String>> headers, String contentType,
                                     byte[] body) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> query = query(uri);
        List<JsonNode> parameters = new ArrayList<>();
        spec.path("paths").path(op.template()).path("parameters").forEach(p -> parameters.add(resolve(p)));
        op.node().path("parameters").forEach(p -> parameters.add(resolve(p)));
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            boolean required = parameter.path("required").asBoolean(false);
            List<String> values = switch (in) {
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> headerValues(headers, name);
                default -> List.of("path");
            };
            if (required && values.isEmpty()) {
                problems.add("required " + in + " parameter '" + name + "' is missing");
            }
            if (in.equals("query") && !values.isEmpty()) {
                JsonNode value = typed(values.getFirst(), resolveSchema(parameter.path("schema")));
                problems.addAll(validate(parameter.path("schema"), value, "query parameter " + name));
            }
        }
        for (String name : query.keySet()) {
            boolean declared = parameters.stream()
                    .anyMatch(p -> p.path("in").asText().equals("query") && p.path("name").asText().equals(name));
            if (!declared) {
                problems.add("query parameter '" + name + "' is not in the contract");
            }
        }
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        if (body == null || body.length == 0) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("the request body is required");
            }
        } else if (requestBody.isMissingNode()) {
            problems.add("the operation takes no request body");
        } else {
            JsonNode media = requestBody.path("content").path(baseType(contentType));
            if (media.isMissingNode()) {
                problems.add("request content type " + contentType + " is not declared");
            } else {
                problems.addAll(validate(media.path("schema"), parse(body), "request body"));
            }
        }
        return problems;
    }

    /**
     * Everything wrong with a response: undocumented status, undeclared content type, schema violations.
     * A {@code null} body (the answer to HEAD) is held to its status and headers only.
     */
    public List<String> checkResponse(Operation op, int status, Map<String, List<String>> headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        JsonNode responses = op.node().path("responses");
        JsonNode response = responses.path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = responses.path(status / 100 + "XX");
        }
        if (response.isMissingNode()) {
            if (MUST_BE_EXPLICIT.contains(status) || responses.path("default").isMissingNode()) {
                problems.add("status " + status + " is not documented for " + op.id());
                return problems;
            }
            response = responses.path("default");
        }
        response = resolve(response);
        response.path("headers").fields().forEachRemaining(header -> {
            JsonNode definition = resolve(header.getValue());
            List<String> values = headerValues(headers, header.getKey());
            if (definition.path("required").asBoolean(false) && values.isEmpty()) {
                problems.add("required response header " + header.getKey() + " is missing");
            }
            for (String value : values) {
                problems.addAll(validate(definition.path("schema"), JsonNodeFactory.instance.textNode(value),
                        "response header " + header.getKey()));
            }
        });
        JsonNode content = response.path("content");
        if (body == null) {
            return problems;
        }
        String contentType = headerValues(headers, "Content-Type").stream().findFirst().orElse("");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && body.length > 0) {
                problems.add("status " + status + " is documented without a body, but one was sent");
            }
            return problems;
        }
        JsonNode media = content.path(baseType(contentType));
        if (media.isMissingNode()) {
            problems.add("response content type '" + contentType + "' is not declared for status " + status
                    + " (declared: " + iterable(content.fieldNames()) + ")");
            return problems;
        }
        if (baseType(contentType).endsWith("json")) {
            problems.addAll(validate(media.path("schema"), parse(body), "response body"));
        }
        return problems;
    }

    /** Checks a JSON value against a named schema of {@code components/schemas}. */
    public List<String> validateAgainst(String schemaName, JsonNode value) {
        return validate(JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + schemaName),
                value, schemaName);
    }

    private List<String> validate(JsonNode schema, JsonNode value, String what) {
        if (schema.isMissingNode()) {
            return List.of();
        }
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", definitions);
            root.setAll((ObjectNode) rewriteRefs(schema.deepCopy()));
            return factory.getSchema(root, config);
        });
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : compiledSchema.validate(value)) {
            problems.add(what + ": " + message.getMessage());
        }
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private JsonNode resolveSchema(JsonNode schema) {
        return resolve(schema);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", "#/$defs/" + ref.asText().substring("#/components/schemas/".length()));
            }
            object.fields().forEachRemaining(field -> rewriteRefs(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::rewriteRefs);
        }
        return node;
    }

    private static JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value));
                case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(value));
                case "boolean" -> value.equals("true") || value.equals("false")
                        ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
                        : JsonNodeFactory.instance.textNode(value);
                default -> JsonNodeFactory.instance.textNode(value);
            };
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode("(not JSON: " + new String(body, StandardCharsets.UTF_8) + ")");
        }
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private static List<String> headerValues(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return String.join(", ", all);
    }
}
