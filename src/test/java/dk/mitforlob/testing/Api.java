package dk.mitforlob.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one way tests call the service: real HTTP on a real port, every request and response checked
 * against {@code api-spec/openapi.yaml} (see {@link ApiRequest#send()}).
 */
public final class Api {

    private final URI base;
    private final HttpClient http;
    private final OpenApiContract contract;

    public Api(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.contract = OpenApiContract.get();
    }

    public URI base() {
        return base;
    }

    public ApiRequest get(String path) {
        return request("GET", path);
    }

    public ApiRequest post(String path) {
        return request("POST", path);
    }

    public ApiRequest put(String path) {
        return request("PUT", path);
    }

    public ApiRequest delete(String path) {
        return request("DELETE", path);
    }

    public ApiRequest request(String method, String path) {
        return new ApiRequest(this, method, path);
    }

    HttpClient http() {
        return http;
    }

    OpenApiContract contract() {
        return contract;
    }
}
