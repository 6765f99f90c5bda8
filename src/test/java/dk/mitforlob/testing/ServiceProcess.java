package dk.mitforlob.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * The service as a separate operating-system process, started the way production starts it
 * ({@code java ... dk.mitforlob.Main} with environment variables), so a test can kill it with
 * SIGKILL and start it again on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(Map<String, String> environment, Path log, int port) {
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /**
     * A service on the embedded store in {@code dataDir} (or on {@code MONGODB_URI} when that is set),
     * trusting the test issuers as well as its own development issuer.
     */
    public static ServiceProcess embedded(Path dataDir, List<TrustedIssuer> issuers, Path log) {
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "MITFORLOB_MODE", "demo",
                "MITFORLOB_DATA_DIR", dataDir.toString(),
                "SERVER_HOST", "127.0.0.1",
                "SERVER_PORT", Integer.toString(port),
                "MITFORLOB_DEV_ISSUER_PORT", "0",
                "MITFORLOB_LOG_FORMAT", "text",
                "MITFORLOB_ISSUERS", issuersJson(issuers)));
        // the crash test sends hundreds of registrations a minute as a few citizens: out of the quotas' way
        for (String quota : List.of("WRITES", "READS", "CASE_SYSTEM_WRITES", "CASE_SYSTEM_READS")) {
            env.put("MITFORLOB_RATE_LIMIT_" + quota, "10000000");
        }
        if (TestStores.externalMongo()) {
            env.put("MONGODB_URI", System.getenv("MONGODB_URI"));
            env.put("MONGODB_DATABASE", "mitforlob_crash_" + dk.mitforlob.platform.ids.Ids.newId());
        }
        return new ServiceProcess(env, log, port);
    }

    /**
     * A service in production mode on the MongoDB at {@code mongoUri}, trusting the test issuers,
     * with {@code extra} environment variables on top (e.g. where to push).
     */
    public static ServiceProcess production(String mongoUri, String database, List<TrustedIssuer> issuers,
                                            Map<String, String> extra, Path log) {
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "MITFORLOB_MODE", "production",
                "MONGODB_URI", mongoUri,
                "MONGODB_DATABASE", database,
                "MITFORLOB_CPR_HMAC_KEY", java.util.Base64.getEncoder().encodeToString(TestService.CPR_KEY),
                "SERVER_HOST", "127.0.0.1",
                "SERVER_PORT", Integer.toString(port),
                "MITFORLOB_LOG_FORMAT", "text",
                "MITFORLOB_ISSUERS", issuersJson(issuers)));
        env.putAll(extra);
        return new ServiceProcess(env, log, port);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public String database() {
        return environment.get("MONGODB_DATABASE");
    }

    /** Starts the process and waits until it reports ready. */
    public ServiceProcess start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dk.mitforlob.Main");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            // the caller gets no handle to close: do not leave a service running
            process.destroyForcibly();
            throw e;
        }
        return this;
    }

    /** Kills the process the hard way (SIGKILL): no shutdown hooks, no flushing. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM, as a container platform does, and returns the exit code; fails if it takes longer than {@code timeout}. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The service did not stop within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base().resolve("/observe/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The service process did not get ready within " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuers as MITFORLOB_ISSUERS takes them. */
    public static String issuersJson(List<TrustedIssuer> issuers) {
        return issuers.stream().map(i -> {
            StringBuilder json = new StringBuilder("{");
            json.append("\"name\":\"").append(i.name()).append("\",\"issuer\":\"").append(i.issuer())
                    .append("\",\"audience\":\"").append(i.audience()).append("\",\"roles\":[")
                    .append(i.roles().stream().map(r -> "\"" + r.claimValue() + "\"").collect(Collectors.joining(",")))
                    .append("]");
            i.rolesClaim().ifPresent(c -> json.append(",\"rolesClaim\":\"").append(c).append('"'));
            i.municipalityClaim().ifPresent(c -> json.append(",\"municipalityClaim\":\"").append(c).append('"'));
            i.cprClaim().ifPresent(c -> json.append(",\"cprClaim\":\"").append(c).append('"'));
            return json.append('}').toString();
        }).collect(Collectors.joining(",", "[", "]"));
    }
}
