package dk.mitforlob.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.mitforlob.Application;
import dk.mitforlob.testing.BenchmarkMain;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * The citizen's export for citizens with three years of history (paid hours three days a week for
 * three years with corrections and withdrawals, a plan of 20 versions, wishes in 3 versions): the
 * time from request to the last byte, read as a phone would read it. Target: under 10 s.
 * A runner of {@code make bench}, and on its own {@code make bench-export}.
 */
final class ExportBenchmark implements ExtraBenchmarks.Runner {

    static final double TARGET_SECONDS = 10;

    /** One export: its size and how long to the last byte. */
    record Measured(long bytes, double seconds) {
    }

    @Override
    public String name() {
        return "Export of a citizen with three years of data";
    }

    @Override
    public List<Report.Row> run(Bench.Context context) throws Exception {
        List<Measured> runs = new ArrayList<>();
        for (Population.Person person : context.population().longHistory().subList(0, 5)) {
            runs.add(measure(context.base(), context.issuers().citizen(person.cpr())));
        }
        Measured slowest = runs.stream().max(java.util.Comparator.comparingDouble(Measured::seconds)).orElseThrow();
        System.out.println(describe(slowest, runs.size()));
        return List.of(new Report.Row("GET /api/v1/me/export (3 years of data)", (int) Math.min(Integer.MAX_VALUE,
                slowest.bytes()), 1 / slowest.seconds(), 0, null, null, describe(slowest, runs.size())));
    }

    static Measured measure(URI base, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/me/export"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        return new Measured(bytes, (System.nanoTime() - started) / 1e9);
    }

    static String describe(Measured slowest, int runs) {
        return String.format(Locale.ROOT, "slowest of %d exports: %.2f s for %.1f MB (target < %.0f s: %s)", runs,
                slowest.seconds(), slowest.bytes() / 1e6, TARGET_SECONDS,
                slowest.seconds() < TARGET_SECONDS ? "met" : "NOT met");
    }

    /** {@code make bench-export}: a store of its own with {@code BENCH_CITIZENS} citizens, five of them with three years. */
    public static void main(String[] args) {
        BenchmarkMain.run(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = Integer.parseInt(System.getenv().getOrDefault("BENCH_CITIZENS", "1000"));
        TestIssuers issuers = TestIssuers.get();
        try (TestStores.OwnStore own = TestStores.ownStore()) {
            long seeding = System.nanoTime();
            Population.Seeded population = new Population(own.store(), TestService.CPR_KEY, Clock.systemUTC())
                    .seed(size, 5, 0);
            System.out.printf(Locale.ROOT, "Seeded %d citizens (%d registrations) in %.1f s%n", size + 5,
                    population.registrations(), (System.nanoTime() - seeding) / 1e9);
            try (Application app = Application.start(TestService.settings(own.target(), issuers.trusted()),
                    Clock.systemUTC())) {
                URI base = URI.create("http://127.0.0.1:" + app.port() + "/");
                List<Measured> runs = new ArrayList<>();
                for (Population.Person person : population.longHistory()) {
                    Measured measured = measure(base, issuers.citizen(person.cpr()));
                    System.out.printf(Locale.ROOT, "export: %.2f s, %.1f MB%n", measured.seconds(), measured.bytes() / 1e6);
                    runs.add(measured);
                }
                System.out.println(describe(runs.stream().max(java.util.Comparator.comparingDouble(Measured::seconds))
                        .orElseThrow(), runs.size()));
            }
        }
    }
}
