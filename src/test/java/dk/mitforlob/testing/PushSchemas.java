package dk.mitforlob.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The push payload schemas of {@code mobile-contract/push/}, one per kind, and the check every
 * message that reaches the fake FCM goes through: the FCM v1 message shape the service must send,
 * and what the app receives ({@code notification} and {@code data}) against the kind's schema.
 */
public final class PushSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PushSchemas instance;

    private final Map<String, JsonSchema> byKind = new TreeMap<>();

    private PushSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                String kind = file.getFileName().toString().replace(".schema.json", "");
                byKind.put(kind, factory.getSchema(JSON.readTree(file.toFile()), config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized PushSchemas get() {
        if (instance == null) {
            instance = new PushSchemas();
        }
        return instance;
    }

    public static Path directory() {
        return Path.of("mobile-contract", "push");
    }

    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** What the app receives of an FCM v1 message: its notification and data. */
    public static JsonNode payload(JsonNode message) {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("notification", message.path("notification"));
        payload.set("data", message.path("data"));
        return payload;
    }

    /** Everything wrong with the payload (notification and data) against the schema of its kind. */
    public List<String> checkPayload(JsonNode payload) {
        String kind = payload.path("data").path("kind").asText();
        JsonSchema schema = byKind.get(kind);
        if (schema == null) {
            return List.of("no schema in mobile-contract/push for kind '" + kind + "'");
        }
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).toList();
    }

    /** Everything wrong with an FCM v1 message as the service sends it. */
    public List<String> check(JsonNode message) {
        List<String> problems = new ArrayList<>(checkPayload(payload(message)));
        if (message.path("token").asText("").isEmpty()) {
            problems.add("no token");
        }
        JsonNode android = message.path("android");
        if (!android.path("priority").isTextual() || !android.path("ttl").asText("").matches("\\d+(\\.\\d+)?s")
                || !android.path("collapse_key").asText("").equals(message.path("data").path("id").asText())
                || !android.path("notification").path("tag").asText("").equals(message.path("data").path("id").asText())) {
            problems.add("android config must have priority, a ttl and the notification id as collapse key and tag: "
                    + android);
        }
        JsonNode apns = message.path("apns");
        if (!apns.path("headers").path("apns-collapse-id").asText("").equals(message.path("data").path("id").asText())
                || !apns.path("headers").path("apns-priority").asText("").matches("5|10")
                || !apns.path("headers").path("apns-expiration").asText("").matches("\\d+")
                || !apns.path("payload").path("aps").isObject()) {
            problems.add("apns config must have the notification id as collapse id, a priority and an expiration: " + apns);
        }
        return problems;
    }
}
