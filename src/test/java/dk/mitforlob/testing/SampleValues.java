package dk.mitforlob.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plausible values made from the contract alone, so a test can reach any operation, also one added
 * after the test was written: a body with every required field, a value for a path parameter that
 * matches its pattern. Not guaranteed valid for the route's rules, only well-shaped.
 */
public final class SampleValues {

    /** Values tried against a pattern, in order; the first that matches is used. */
    private static final List<String> CANDIDATES = List.of("x1", "ab12", "851", "12", "5", "2026-01-05",
            "2026-W02", "2026-01", "31175143", "0101901234", "abcdefghjkmnpqrst0123", "resource-programme",
            "sample-1", "A", "1", "\"1\"", "https://example.dk/meet", "a@example.dk", "+45 12 34 56 78",
            "00000000-0000-4000-8000-000000000000");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;

    public SampleValues(JsonNode spec) {
        this.spec = spec;
    }

    /** A value for a path parameter: its schema's example, else one matching its pattern, else a plain id. */
    public String pathValue(JsonNode parameter) {
        JsonNode schema = resolve(parameter.path("schema"));
        if (parameter.has("example")) {
            return parameter.get("example").asText();
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0).asText();
        }
        return string(schema);
    }

    /** A body with every required field (and none of the optional ones) of {@code schema}. */
    public JsonNode body(JsonNode schema) {
        return value(schema, 0);
    }

    private JsonNode value(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (depth > 8) {
            return NODES.nullNode();
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode value = value(part, depth + 1);
                if (value.isObject()) {
                    merged.setAll((ObjectNode) value);
                }
            }
            addRequired(schema, merged, depth);
            return merged;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                addRequired(schema, object, depth);
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue()
                    : java.math.BigDecimal.ONE);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(string(schema));
            default -> NODES.objectNode();
        };
    }

    private void addRequired(JsonNode schema, ObjectNode object, int depth) {
        for (JsonNode name : schema.path("required")) {
            JsonNode property = findProperty(schema, name.asText()).orElse(NODES.objectNode());
            object.set(name.asText(), value(property, depth + 1));
        }
    }

    private Optional<JsonNode> findProperty(JsonNode schema, String name) {
        if (schema.path("properties").has(name)) {
            return Optional.of(schema.path("properties").get(name));
        }
        for (JsonNode part : schema.path("allOf")) {
            Optional<JsonNode> found = findProperty(resolve(part), name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return "2026-01-05";
        }
        if (format.equals("date-time")) {
            return "2026-01-05T09:00:00Z";
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : CANDIDATES) {
                if (pattern.matcher(candidate).find()) {
                    return candidate;
                }
            }
        }
        return "x1";
    }

    /** Follows {@code $ref}s within the contract. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A path template with its parameters filled from {@code known} first, the contract second. */
    public String fill(String template, List<JsonNode> parameters, Map<String, String> known) {
        String path = template;
        for (JsonNode parameter : parameters) {
            JsonNode p = resolve(parameter);
            if (p.path("in").asText().equals("path")) {
                String name = p.path("name").asText();
                path = path.replace("{" + name + "}", known.getOrDefault(name, pathValue(p)));
            }
        }
        return path;
    }
}
