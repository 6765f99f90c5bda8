package dk.mitforlob.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two load generators: {@code wrk} for the most a route serves (saturation), and a
 * constant-rate generator for its latency at a given rate. The constant-rate one schedules each
 * request by its intended start and measures from there, not from when it was sent: a server that
 * stalls makes the requests behind it late, and that lateness is counted (no coordinated omission).
 */
final class Load {

    /** One request a generator sends; {@code body} null for none. A write gets a fresh Idempotency-Key each time. */
    record Request(String method, String path, String token, String body, boolean write) {
    }

    record Saturation(double requestsPerSecond, long non2xx, long errors) {
    }

    record Latency(int rate, int sent, double achievedRate, double p50Millis, double p99Millis, double maxMillis,
                   long non2xx, long failed) {
    }

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static final String SCRIPT = """
            -- rotates over the requests of a file: method, path, token, body (or -) separated by tabs
            local requests = {}
            local counter = 0
            local prefix = ""
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("id", threads)
            end
            function init(args)
              for line in io.lines(args[1]) do
                local method, path, token, body = line:match("([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)")
                table.insert(requests, {method = method, path = path, token = token, body = body})
              end
              math.randomseed(os.time() + (id or 0))
              prefix = "wrk-" .. tostring(math.random(1, 1000000000)) .. "-" .. tostring(id or 0)
              counter = math.random(1, #requests)
            end
            function request()
              counter = counter + 1
              local r = requests[(counter % #requests) + 1]
              local headers = {}
              headers["Authorization"] = "Bearer " .. r.token
              local body = nil
              if r.body ~= "-" then
                body = r.body
                headers["Content-Type"] = "application/json"
                headers["Idempotency-Key"] = prefix .. "-" .. counter
              end
              return wrk.format(r.method, r.path, headers, body)
            end
            """;

    private Load() {
    }

    /** The most requests a second {@code wrk} gets through, with 2 threads and 32 connections. */
    static Saturation saturate(URI base, List<Request> requests, Duration duration, Path work) throws IOException,
            InterruptedException {
        Path script = work.resolve("rotate.lua");
        Files.writeString(script, SCRIPT);
        Path lines = Files.createTempFile(work, "requests", ".tsv");
        List<String> tsv = new ArrayList<>();
        for (Request r : requests) {
            tsv.add(r.method() + "\t" + r.path() + "\t" + r.token() + "\t" + (r.body() == null ? "-" : r.body()));
        }
        Files.write(lines, tsv, StandardCharsets.UTF_8);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + duration.toSeconds() + "s", "--timeout", "10s",
                "-s", script.toString(), base.toString(), "--", lines.toString())
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Files.deleteIfExists(lines);
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("wrk said:\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(errors.group(g));
            }
        }
        return new Saturation(Double.parseDouble(rps.group(1)), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors);
    }

    /** Latencies at {@code rate} requests a second for {@code duration}, each measured from its intended start. */
    static Latency constantRate(URI base, List<Request> requests, int rate, Duration duration) throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int total = (int) (rate * duration.toSeconds());
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        String keyPrefix = "rate-" + System.nanoTime() + "-";
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Request r = requests.get(i % requests.size());
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(r.path()))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + r.token());
            if (r.body() != null) {
                builder.header("Content-Type", "application/json").header("Idempotency-Key", keyPrefix + i)
                        .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
            } else {
                builder.method(r.method(), HttpRequest.BodyPublishers.noBody());
            }
            int index = i;
            client.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - intended;
                if (error != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() / 100 != 2) {
                    non2xx.incrementAndGet();
                }
                done.countDown();
            });
        }
        long scheduleEnd = System.nanoTime();
        boolean all = done.await(30, TimeUnit.SECONDS);
        long end = System.nanoTime();
        callbacks.shutdownNow();
        client.shutdownNow();
        long[] measured = new long[total];
        for (int i = 0; i < total; i++) {
            // a request still unanswered is at least as late as the wait gave up
            measured[i] = latencies[i] >= 0 ? latencies[i] : end - (start + i * period);
            if (latencies[i] < 0 && !all) {
                failed.incrementAndGet();
            }
        }
        Arrays.sort(measured);
        double seconds = (scheduleEnd - start) / 1e9;
        return new Latency(rate, total, total / seconds, measured[total / 2] / 1e6, measured[(int) (total * 0.99)] / 1e6,
                measured[total - 1] / 1e6, non2xx.get(), failed.get());
    }

    /** The median time of {@code count} requests sent one after the other. */
    static double sequentialMedianMillis(URI base, List<Request> requests, int count) throws IOException,
            InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = timeOne(client, base, requests.get(i % requests.size()), "seq-" + System.nanoTime() + "-" + i);
        }
        Arrays.sort(times);
        return times[count / 2] / 1e6;
    }

    /** One request's time, failing on anything but 2xx. */
    static long timeOne(HttpClient client, URI base, Request r, String key) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(r.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + r.token());
        if (r.body() != null) {
            builder.header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
        } else {
            builder.method(r.method(), HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - started;
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.method() + " " + r.path() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return took;
    }

    /** The size of a route's answer, for the static answer of the same size. */
    static int responseBytes(URI base, Request r) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(r.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + r.token());
        if (r.body() != null) {
            builder.header("Content-Type", "application/json").header("Idempotency-Key", "size-" + System.nanoTime())
                    .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
        }
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.method() + " " + r.path() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }
}
