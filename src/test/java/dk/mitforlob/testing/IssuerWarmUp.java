package dk.mitforlob.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Waits until a freshly started service has fetched the signing keys of every test issuer. The
 * first token of each issuer makes the service look the issuer up; on a busy machine that can
 * take longer than the service waits, and it then answers 503 for a while. Tests should start
 * after that, not inside it.
 */
public final class IssuerWarmUp {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private IssuerWarmUp() {
    }

    public static void await(URI base, TestIssuers issuers) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> firstRequests = Map.of(
                "/api/v1/me", issuers.citizen("010101-0000"),
                "/api/v1/evaluation/wishes", issuers.evaluator(),
                "/api/v1/integration/municipalities/851/events", issuers.integration("851"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        firstRequests.forEach((path, token) -> {
            while (System.nanoTime() < deadline) {
                try {
                    int status = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status != 503) {
                        return;
                    }
                    Thread.sleep(1000);
                } catch (IOException e) {
                    // answered nothing yet: try again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /**
     * A first request with a token, repeated every 2 s for up to 90 s while the service answers 503
     * (it is fetching the issuer's keys, "try again shortly"), as a phone would; the last answer.
     */
    public static ApiResponse retryingWhileUnavailable(Supplier<ApiResponse> call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        ApiResponse response = call.get();
        while (response.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            response = call.get();
        }
        return response;
    }
}
