package dk.mitforlob.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.mitforlob.platform.security.TrustedIssuer;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.BenchmarkMain;
import dk.mitforlob.testing.TestIssuers;

/**
 * {@code make bench}: seeds a population through the service's own code, starts the service as
 * production runs it (its own process, production mode, a 205 MiB heap, the store in another
 * process or on {@code MONGODB_URI}), measures every route of {@link Routes} and every runner of
 * {@link ExtraBenchmarks}, and prints a table that it also writes to target/bench/.
 *
 * <p>Settings (environment): {@code BENCH_CITIZENS} (10,000), {@code BENCH_RATE} (500 a second),
 * {@code BENCH_SECONDS} (seconds per measurement, 6), {@code BENCH_HEAP} (205m: 40 % of the deployment's
 * 512 MiB, as the image's MaxRAMPercentage makes it), {@code BENCH_SERVICE_JAVA_OPTS} (more options for the
 * service, e.g. native memory tracking), {@code MONGODB_URI}.
 */
public final class Bench {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final byte[] CPR_KEY = "the benchmark's CPR key, 32 bytes or more, not a secret".getBytes(StandardCharsets.UTF_8);
    private static final int ROTATION = 1000;
    private static final int EVALUATORS = 200;

    /** What an extra benchmark gets: the service's address, the population, tokens. */
    record Context(URI base, Population.Seeded population, TestIssuers issuers, Path work, LocalDate today,
                   int rate, Duration duration) {
    }

    private Bench() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(Bench::run);
    }

    private static void run() throws Exception {
        long benchStarted = System.nanoTime();
        int size = env("BENCH_CITIZENS", 10_000);
        int rate = env("BENCH_RATE", 500);
        Duration duration = Duration.ofSeconds(env("BENCH_SECONDS", 6));
        String heap = System.getenv().getOrDefault("BENCH_HEAP", "205m");
        Path out = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(out);
        LocalDate today = LocalDate.now(COPENHAGEN);
        Report report = new Report();
        machine(report, size, rate, duration, heap);

        System.out.println("== Demo mode: start to ready");
        demoStartup(report, out, heap);

        Processes processes = new Processes();
        try {
            String externalUri = System.getenv("MONGODB_URI");
            String uri;
            String database = "mitforlob_bench_" + System.currentTimeMillis();
            if (externalUri == null || externalUri.isBlank()) {
                System.out.println("== Store: the embedded store in a process of its own");
                uri = processes.store(out.resolve("store"));
                database = "mitforlob";
            } else {
                uri = externalUri;
            }
            report.setup("store", externalUri == null || externalUri.isBlank() ? "embedded (H2 file), own process"
                    : "MONGODB_URI");

            System.out.println("== Population: " + size + " citizens");
            TestIssuers issuers = TestIssuers.get();
            Population.Seeded population;
            try (MongoStore store = MongoStore.connect(uri, database)) {
                population = new Population(store, CPR_KEY, Clock.systemUTC()).seed(size, 50, 50);
            }
            population.phaseMillis().forEach((phase, millis) -> report.figure("seeding: " + phase,
                    String.format(Locale.ROOT, "%.1f s", millis / 1000.0), null, null));
            report.setup("registrations", population.registrations());

            System.out.println("== Service: production mode, -Xmx" + heap);
            long startedAt = System.nanoTime();
            URI base = processes.service(uri, database, issuers.trusted(), heap, out.resolve("service.log"));
            long readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
            report.figure("start to ready, production mode, populated store", readyMillis + " ms", null, null);

            Context context = new Context(base, population, issuers, out, today, rate, duration);
            Map<Routes.Caller, List<Load.Request>> unused = new LinkedHashMap<>();
            List<Routes.Route> routes = Routes.all(today);
            System.out.println("== Warming up");
            for (Routes.Route route : routes) {
                Load.saturate(base, requests(route, context), Duration.ofSeconds(3), out);
            }
            System.out.println("== Registrations and pages: three years of history against none");
            history(report, context);
            System.out.println("== Routes");
            for (Routes.Route route : routes) {
                report.add(measure(route, context));
            }
            for (ExtraBenchmarks.Runner runner : ExtraBenchmarks.all()) {
                System.out.println("== " + runner.name());
                runner.run(context).forEach(report::add);
            }
            long peak = processes.peakRssKib();
            report.figure("peak RSS of the service", peak / 1024 + " MiB", "< 400 MiB", peak / 1024 < 400);
            unused.clear();
        } finally {
            processes.close();
        }
        report.setup("bench took", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - benchStarted) / 6e10));
        report.write(out);
        System.out.println();
        System.out.println(report.table());
        System.out.println("Written to " + out.resolve("bench.json") + " and bench.md");
    }

    private static void machine(Report report, int size, int rate, Duration duration, String heap) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        report.setup("machine", Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
                + Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " "));
        report.setup("load average at start", Files.readString(Path.of("/proc/loadavg")).strip());
        report.setup("java", System.getProperty("java.version"));
        report.setup("citizens", size);
        report.setup("rate", rate);
        report.setup("seconds per measurement", duration.toSeconds());
        report.setup("service heap", heap);
    }

    /** A route's requests, rotating over many callers of its kind. */
    static List<Load.Request> requests(Routes.Route route, Context context) {
        List<Load.Request> requests = new ArrayList<>();
        Random random = new Random(17);
        switch (route.caller()) {
            case CITIZEN -> {
                List<Population.Person> people = new ArrayList<>(context.population().everyone());
                Collections.shuffle(people, random);
                for (Population.Person person : people.subList(0, Math.min(ROTATION, people.size()))) {
                    requests.add(new Load.Request(route.method(), route.path(), context.issuers().citizen(person.cpr()),
                            route.writes() ? registration(context.today().minusDays(random.nextInt(60))) : null,
                            route.writes()));
                }
            }
            case CASEWORKER -> {
                List<String> municipalities = context.population().everyone().stream()
                        .map(Population.Person::municipality).distinct().toList();
                for (String municipality : municipalities) {
                    requests.add(new Load.Request(route.method(), route.path().replace("{municipality}", municipality),
                            context.issuers().caseworker(municipality), null, false));
                }
            }
            case EVALUATOR -> {
                // several evaluators: one alone would meet its own rate limit (reads a minute) long before the server's
                for (int i = 1; i <= EVALUATORS; i++) {
                    requests.add(new Load.Request(route.method(), route.path(), context.issuers().token(
                            TestIssuers.EMPLOYEES, "evaluator-" + i, Map.of("roles", List.of("evaluator"))), null,
                            false));
                }
            }
        }
        return requests;
    }

    private static String registration(LocalDate date) {
        return "{\"date\":\"" + date + "\",\"employer\":{\"name\":\"Netto\",\"cvr\":\"35954716\"},\"hours\":0.25}";
    }

    private static Report.Row measure(Routes.Route route, Context context) throws Exception {
        List<Load.Request> requests = requests(route, context);
        int bytes = Load.responseBytes(context.base(), requests.getFirst());
        Load.Saturation saturation = Load.saturate(context.base(), requests, context.duration(), context.work());
        List<Load.Request> ceiling = requests.stream().map(r -> new Load.Request("GET",
                "/api/v1/bench/static?bytes=" + Math.max(16, bytes), r.token(), null, false)).toList();
        Load.Saturation top = Load.saturate(context.base(), ceiling, context.duration(), context.work());
        Double tableMillis = Routes.isEvaluatorTable(route)
                ? Load.sequentialMedianMillis(context.base(), requests, 15) : null;
        Load.Latency latency = null;
        String note = saturation.non2xx() + saturation.errors() > 0
                ? "(wrk: " + saturation.non2xx() + " non-2xx, " + saturation.errors() + " socket errors)" : null;
        if (saturation.requestsPerSecond() >= context.rate() * 1.1) {
            latency = Load.constantRate(context.base(), requests, context.rate(), context.duration());
        } else {
            // out of reach: the latency at half of what it serves at most, so that there is one
            int reachable = Math.max(1, (int) (saturation.requestsPerSecond() / 2));
            latency = Load.constantRate(context.base(), requests, reachable, context.duration());
            note = (note == null ? "" : note + " ") + "saturates below " + context.rate() + "/s: latency at "
                    + reachable + "/s";
        }
        return new Report.Row(route.name(), bytes, saturation.requestsPerSecond(), top.requestsPerSecond(), latency,
                tableMillis, note);
    }

    /** Registrations and page reads alternating between citizens with three years of history and citizens with none. */
    private static void history(Report report, Context context) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Population.Person> longOnes = context.population().longHistory();
        List<Population.Person> newOnes = context.population().newcomers();
        int rounds = 200;
        long[][] registration = new long[2][rounds];
        long[][] page = new long[2][rounds];
        String run = Long.toString(System.nanoTime());
        for (int i = 0; i < rounds; i++) {
            for (int who = 0; who < 2; who++) {
                Population.Person person = (who == 0 ? longOnes : newOnes).get(i % longOnes.size());
                String token = context.issuers().citizen(person.cpr());
                registration[who][i] = Load.timeOne(client, context.base(), new Load.Request("POST", "/api/v1/me/hours",
                        token, registration(context.today().minusDays(i % 60)), true), "history-" + run + "-" + who + i);
                page[who][i] = Load.timeOne(client, context.base(), new Load.Request("GET",
                        "/api/v1/me/hours?limit=50", token, null, false), null);
            }
        }
        ratio(report, "registration", registration);
        ratio(report, "page of 50", page);
    }

    private static void ratio(Report report, String what, long[][] times) {
        double longMedian = median(times[0]);
        double newMedian = median(times[1]);
        double ratio = longMedian / newMedian;
        report.figure(what + ": 3 years of history against none (median)", String.format(Locale.ROOT,
                "%.2f ms / %.2f ms = %.2f×", longMedian, newMedian, ratio), "≤ 1.5×", ratio <= 1.5);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /**
     * Demo mode as {@code make run} starts it (its Java options come in BENCH_DEMO_JAVA_OPTS): a
     * first start that makes the class-data archive and is not timed, then a first start on fresh
     * data (seeds the demo data) and a restart on the same data.
     */
    private static void demoStartup(Report report, Path out, String heap) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(javaOptions("BENCH_DEMO_JAVA_OPTS"));
        report.setup("demo mode Java options", String.join(" ", options));
        startDemo(report, out, options, Files.createTempDirectory(out, "demo-warm"), null);
        Path data = Files.createTempDirectory(out, "demo-data");
        startDemo(report, out, options, data, "first start on empty data (seeds the demo data)");
        startDemo(report, out, options, data, "restart on the same data");
    }

    /** JVM options given in an environment variable, separated by white space; none when it is unset. */
    private static List<String> javaOptions(String variable) {
        String options = System.getenv().getOrDefault(variable, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static void startDemo(Report report, Path out, List<String> options, Path data, String when)
            throws Exception {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("MITFORLOB_DEV_ISSUER_PORT", Integer.toString(freePort()));
        env.put("MITFORLOB_DATA_DIR", data.toString());
        Path log = out.resolve("demo-" + data.getFileName() + (when != null && when.startsWith("restart") ? "-restart"
                : "") + ".log");
        List<String> arguments = new ArrayList<>(options);
        // demo mode lives beside the production jar, as make run starts it
        arguments.addAll(List.of("-cp", jar() + File.pathSeparator + jar().resolveSibling("mitforlob-demo.jar")
                + File.pathSeparator + jar().resolveSibling("demo-libs") + File.separator + "*", "dk.mitforlob.Main"));
        long started = System.nanoTime();
        Process demo = Processes.java(arguments, env, log, true);
        try {
            awaitReady(URI.create("http://127.0.0.1:" + port + "/"), demo, log);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (when != null) {
                report.figure("demo mode start to ready, " + when, millis + " ms", "< 5,000 ms", millis < 5000);
                Files.readAllLines(log).stream().filter(l -> l.contains("Started in")).findFirst()
                        .ifPresent(l -> report.figure("demo mode start-up steps, " + when,
                                l.substring(l.indexOf("Started in")), null, null));
            }
        } finally {
            demo.destroy();
            demo.waitFor();
        }
    }

    static Path jar() {
        return Path.of("target", "mitforlob.jar").toAbsolutePath();
    }

    static void awaitReady(URI base, Process process, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The process ended before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(base.resolve("/observe/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Not ready within 3 minutes; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    /** The store and service processes this run started, stopped at the end. */
    static final class Processes implements AutoCloseable {
        private Process store;
        private Process service;

        String store(Path directory) throws Exception {
            if (Files.exists(directory)) {
                try (var files = Files.walk(directory)) {
                    files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(directory);
            store = new ProcessBuilder(javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    BenchStore.class.getName(), directory.toString())
                    .redirectError(directory.getParent().resolve("store.log").toFile()).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
            String line = lines.readLine();
            if (line == null || !line.startsWith("PORT ")) {
                throw new IllegalStateException("The store did not start; see target/bench/store.log");
            }
            return "mongodb://127.0.0.1:" + line.substring(5).strip();
        }

        URI service(String uri, String database, List<TrustedIssuer> issuers, String heap, Path log) throws Exception {
            int port = freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MITFORLOB_MODE", "production");
            env.put("MONGODB_URI", uri);
            env.put("MONGODB_DATABASE", database);
            env.put("MITFORLOB_ISSUERS", issuersJson(issuers));
            env.put("MITFORLOB_CPR_HMAC_KEY", Base64.getEncoder().encodeToString(CPR_KEY));
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_HOST", "127.0.0.1");
            env.put("MITFORLOB_BENCH_CEILING", "true");
            // reminders are measured by make bench-reminders, against a fake FCM
            env.put("MITFORLOB_PUSH", "log");
            // as the image sets it
            env.put("MALLOC_ARENA_MAX", "2");
            // the collector the JVM picks itself in the deploy files' 512 MiB container (under 1,792 MiB
            // it is not a server-class machine); on this 24 GiB machine it would pick G1
            List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC",
                    "-XX:+ExitOnOutOfMemoryError"));
            // more options for a look inside, e.g. -XX:NativeMemoryTracking=summary
            options.addAll(javaOptions("BENCH_SERVICE_JAVA_OPTS"));
            options.addAll(List.of("-jar", jar().toString()));
            service = java(options, env, log, false);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            awaitReady(base, service, log);
            return base;
        }

        /** The service's peak resident set so far, from /proc (VmHWM), in KiB. */
        long peakRssKib() throws IOException {
            return Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
        }

        static Process java(List<String> arguments, Map<String, String> env, Path log, boolean demo) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(javaBin());
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("MITFORLOB_") || k.startsWith("MONGODB_")
                    || k.startsWith("SERVER_"));
            builder.environment().putAll(env);
            if (demo) {
                builder.environment().remove("MITFORLOB_MODE");
            }
            return builder.start();
        }

        private static String javaBin() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static String issuersJson(List<TrustedIssuer> issuers) throws IOException {
            List<Map<String, Object>> list = new ArrayList<>();
            for (TrustedIssuer issuer : issuers) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", issuer.name());
                entry.put("issuer", issuer.issuer());
                entry.put("audience", issuer.audience());
                entry.put("roles", issuer.roles().stream().map(r -> r.claimValue()).collect(Collectors.toList()));
                issuer.rolesClaim().ifPresent(c -> entry.put("rolesClaim", c));
                issuer.municipalityClaim().ifPresent(c -> entry.put("municipalityClaim", c));
                issuer.cprClaim().ifPresent(c -> entry.put("cprClaim", c));
                entry.put("subjectClaim", issuer.subjectClaim());
                list.add(entry);
            }
            return new ObjectMapper().writeValueAsString(list);
        }

        @Override
        public void close() throws Exception {
            for (Process process : new Process[] {service, store}) {
                if (process != null) {
                    process.getOutputStream().close();
                    process.destroy();
                    process.waitFor();
                }
            }
        }
    }
}
