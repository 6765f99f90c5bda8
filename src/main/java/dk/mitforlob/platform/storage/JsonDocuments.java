package dk.mitforlob.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.mitforlob.platform.json.Json;

/**
 * Domain values stored as the JSON the API shows them as. Used for nested content that is read
 * and written whole and never queried field by field (a plan, a wishes document); fields that are
 * queried are mapped explicitly by each repository.
 */
public final class JsonDocuments {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** Stored documents may carry fields newer code added; reading them must not fail. */
    private static final ObjectMapper READER = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonDocuments() {
    }

    public static Document toDocument(Object value) {
        return Document.parse(Json.writeString(value));
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        try {
            return READER.readValue(document.toJson(RELAXED), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored document does not read as " + type.getSimpleName(), e);
        }
    }

    public static <T> T fromDocument(Document document, TypeReference<T> type) {
        try {
            return READER.readValue(document.toJson(RELAXED), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored document does not read as " + type.getType(), e);
        }
    }
}
