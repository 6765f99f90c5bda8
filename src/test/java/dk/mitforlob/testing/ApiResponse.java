package dk.mitforlob.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A response as the test sees it, already checked against the contract. */
public final class ApiResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    ApiResponse(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** Fails the test, showing the body, unless the status is {@code expected}. */
    public ApiResponse expect(int expected) {
        if (status != expected) {
            throw new AssertionError(method + " " + path + ": expected " + expected + " but was " + status
                    + "\n" + bodyText());
        }
        return this;
    }

    /** Fails unless this is a problem with the given status and code. */
    public ApiResponse expectProblem(int expectedStatus, String expectedCode) {
        expect(expectedStatus);
        if (!expectedCode.equals(problemCode())) {
            throw new AssertionError(method + " " + path + ": expected problem code '" + expectedCode + "' but was '"
                    + problemCode() + "'\n" + bodyText());
        }
        return this;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + bodyText(), e);
        }
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String problemCode() {
        return json().path("code").asText(null);
    }

    /** The field names a validation problem lists. */
    public List<String> problemFields() {
        return json().path("errors").findValuesAsText("field");
    }

    public String etag() {
        return header("ETag").orElseThrow(() -> new AssertionError("No ETag on " + method + " " + path));
    }
}
