package dk.mitforlob.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dk.mitforlob.platform.json.Json;

/** A request under construction; {@link #send()} sends it and checks both directions against the contract. */
public final class ApiRequest {

    private final Api api;
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private boolean requestChecked = true;
    private boolean onContract = true;

    ApiRequest(Api api, String method, String path) {
        this.api = api;
        this.method = method;
        this.path = path;
    }

    public ApiRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public ApiRequest header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public ApiRequest idempotencyKey(String key) {
        return header("Idempotency-Key", key);
    }

    public ApiRequest ifMatch(String etag) {
        return header("If-Match", etag);
    }

    /** A JSON body: a string is sent as is, anything else serialised. */
    public ApiRequest json(Object value) {
        try {
            String text = value instanceof String s ? s : Json.mapper().writeValueAsString(value);
            return body("application/json", text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public ApiRequest body(String type, byte[] bytes) {
        this.contentType = type;
        this.body = bytes;
        return this;
    }

    /** The test sends bad input on purpose: do not hold the request to the contract (the response still is). */
    public ApiRequest invalid() {
        this.requestChecked = false;
        return this;
    }

    /** A path the contract does not have (unknown routes): only check that errors are problem+json. */
    public ApiRequest offContract() {
        this.onContract = false;
        this.requestChecked = false;
        return this;
    }

    public ApiResponse send() {
        URI uri = api.base().resolve(path);
        Optional<OpenApiContract.Operation> operation = api.contract().find(method, uri.getPath());
        if (onContract && operation.isEmpty()) {
            throw new AssertionError("The contract has no operation " + method + " " + uri.getPath());
        }
        if (requestChecked && operation.isPresent()) {
            List<String> problems = api.contract().checkRequest(operation.get(), uri, headers,
                    contentType == null ? "" : contentType, body);
            if (!problems.isEmpty()) {
                throw new AssertionError("Request " + method + " " + path + " breaks the contract: " + problems);
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = api.http().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("Request " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
        ApiResponse result = new ApiResponse(method, path, response.statusCode(), response.headers().map(),
                response.body());
        List<String> problems = new ArrayList<>();
        if (result.header("X-Request-Id").isEmpty()) {
            problems.add("the response has no X-Request-Id");
        }
        if (operation.isPresent()) {
            boolean head = method.equals("HEAD");
            if (head && response.body().length > 0) {
                problems.add("an answer to HEAD with a body");
            }
            problems.addAll(api.contract().checkResponse(operation.get(), result.status(),
                    response.headers().map(), head ? null : response.body()));
            ContractCoverage.record(operation.get(), result.status());
        } else if (result.status() >= 400 && !uri.getPath().startsWith("/observe/")) {
            if (!result.header("Content-Type").orElse("").startsWith("application/problem+json")) {
                problems.add("an error without application/problem+json");
            } else {
                problems.addAll(api.contract().validateAgainst("Problem", result.json()));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Response to " + method + " " + path + " (" + result.status()
                    + ") breaks the contract: " + problems + "\n" + result.bodyText());
        }
        return result;
    }
}
