package dk.mitforlob.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.IssuerWarmUp;
import dk.mitforlob.testing.ServiceProcess;

/**
 * What a container platform relies on when it stops an instance, checked on the service as its own
 * process (ImageRunIT checks the same inside the image where podman runs): on SIGTERM it takes no
 * new connections, finishes the request in flight, stops its background work and exits with 0.
 */
class SigtermTest {

    @TempDir
    Path dataDir;

    @Test
    void on_sigterm_the_request_in_flight_is_answered_and_the_process_exits_0_within_10_seconds() throws Exception {
        Path log = dataDir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.embedded(dataDir, List.of(), log).start()) {
            int port = service.base().getPort();
            String anna = new ObjectMapper().readTree(dataDir.resolve("demo-tokens.json").toFile())
                    .path("citizen-anna").asText();
            // the first token fetches the issuer's keys: on a loaded machine that can take a retry
            Api api = new Api(service.base());
            IssuerWarmUp.retryingWhileUnavailable(() -> api.get("/api/v1/me").bearer(anna).send()).expect(200);

            try (InFlightRequest inFlight = InFlightRequest.start(port, anna)) {
                Thread.sleep(500);
                long sigterm = System.nanoTime();
                java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger(-1);
                Thread stopper = Thread.ofVirtual().start(() -> {
                    try {
                        exitCode.set(service.terminate(Duration.ofSeconds(10)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread.sleep(1000);
                assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

                assertThat(inFlight.finish()).as("the request in flight is answered").startsWith("HTTP/1.1 201");
                stopper.join(Duration.ofSeconds(15));
                System.out.printf("SIGTERM to exit: %d ms%n", (System.nanoTime() - sigterm) / 1_000_000);
                assertThat(exitCode.get()).as("exit code within 10 s").isZero();
            }
        }
        assertThat(Files.readString(log)).contains("SIGTERM: stopping after the requests in flight", "Mit Forløb stopped");
    }
}
