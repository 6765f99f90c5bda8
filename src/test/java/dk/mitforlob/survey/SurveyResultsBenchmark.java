package dk.mitforlob.survey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dk.mitforlob.Application;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.demo.DemoSurvey;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.BenchmarkMain;
import dk.mitforlob.testing.Parallel;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * Benchmark, not a test ({@code make bench-survey}): a round of the standard questionnaire with
 * 100,000 answers spread over the 98 municipalities and both programmes, written with the same
 * bucket writes as real answers; then the evaluators' results (JSON and CSV, both groupings) read
 * over HTTP from a service in production mode, 20 times each. Prints the figures; the target is a
 * results read under 1 s. Run: {@code java ... dk.mitforlob.survey.SurveyResultsBenchmark [answers]}.
 */
public final class SurveyResultsBenchmark {

    private static final int SEEDERS = 4;

    private SurveyResultsBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int answers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        TestLogging.configure();
        TestIssuers issuers = TestIssuers.get();
        try (TestStores.OwnStore store = TestStores.ownStore()) {
            // seeded before the service starts, so that its opening task leaves the seeded round as it is
            String roundId = seed(store.store(), answers);
            runReads(issuers, store, roundId, answers);
        }
    }

    private static void runReads(TestIssuers issuers, TestStores.OwnStore store, String roundId, int answers)
            throws Exception {
        try (Application service = Application.start(TestService.settings(store.target(), issuers.trusted()),
                new TestClock())) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + service.port() + "/api/v1/evaluation/survey-rounds/" + roundId);
            String token = issuers.evaluator();
            System.out.printf("%nSurvey results over %,d answers (%d municipalities x 2 programmes, %d items)%n",
                    answers, municipalities().size(), DemoSurvey.standard().items().size());
            System.out.printf("%-34s %8s %8s %8s %8s%n", "read", "first ms", "median", "p95", "max");
            for (String path : List.of("/results?groupBy=municipality", "/results?groupBy=programme",
                    "/results.csv?groupBy=municipality")) {
                List<Double> times = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < 21; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    times.add((System.nanoTime() - start) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                                + new String(response.body()));
                    }
                    bytes = response.body().length;
                }
                double first = times.getFirst();
                List<Double> sorted = times.subList(1, times.size()).stream().sorted().toList();
                System.out.printf("%-34s %8.1f %8.1f %8.1f %8.1f   (%,d bytes)%n", path, first,
                        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.getLast(),
                        bytes);
            }
        }
    }

    static List<String> municipalities() {
        List<String> codes = new ArrayList<>();
        for (int code = 100; code < 1000; code++) {
            if (Municipalities.exists(Integer.toString(code))) {
                codes.add(Integer.toString(code));
            }
        }
        return codes;
    }

    /** A published standard questionnaire and a fixed round with {@code count} answers. */
    private static String seed(MongoStore store, int count) throws Exception {
        SurveyWorld world = new SurveyWorld(store, new TestClock());
        world.at("2026-11-02T08:00:00Z");
        QuestionnaireVersion version = world.questionnaires.create(DemoSurvey.standard(), Ids.newId());
        world.questionnaires.publish(version.questionnaireId(), 1, version.revision());
        world.enroll("101", Programme.RESOURCE_PROGRAMME);
        SurveyRound round = world.round(version.questionnaireId(), municipalities(), java.time.LocalDateTime.parse(
                "2026-11-02T10:00"), java.time.LocalDateTime.parse("2026-12-20T10:00"));
        world.at("2026-11-03T08:00:00Z");
        List<String> codes = municipalities();
        Map<String, Long> byMunicipality = new ConcurrentHashMap<>();
        Map<String, Long> byProgramme = new ConcurrentHashMap<>();
        Definition definition = version.definition();
        long start = System.nanoTime();
        AtomicInteger seeded = new AtomicInteger();
        // answers arrive from many phones at once: written by SEEDERS threads, each its share
        Parallel.map(SEEDERS, IntStream.range(0, SEEDERS).boxed().toList(), seeder -> {
            Random random = new Random(42 + seeder);
            int share = count / SEEDERS + (seeder < count % SEEDERS ? 1 : 0);
            for (int i = 0; i < share; i++) {
                String municipality = codes.get(random.nextInt(codes.size()));
                String programme = random.nextInt(4) == 0 ? "resource-programme" : "activity-ready-cash-benefit";
                Participation.PendingAnswer pending = answer(definition, random);
                world.answers.add(world.answers.bucketFor(round.id(), municipality, programme), round.id(),
                        municipality, programme, pending.answerId(), pending.isoWeek(), pending.values(),
                        Responses.counted(pending));
                byMunicipality.merge(municipality, 2L, Long::sum);
                byProgramme.merge(programme, 2L, Long::sum);
                int done = seeded.incrementAndGet();
                if (done % 20_000 == 0) {
                    System.out.printf("seeded %,d answers in %.0f s%n", done, (System.nanoTime() - start) / 1e9);
                }
            }
            return null;
        });
        // invited twice as many as answered, fixed as the opening would fix it
        world.roundStore.claimOpening(round.id(), "bench", null, world.clock.instant(),
                world.clock.instant().plusSeconds(60));
        world.roundStore.finishOpening(round.id(), "bench", new SurveyRound.InvitedCounts(2L * count,
                byMunicipality, byProgramme));
        return round.id();
    }

    /** Random answers to every item, conditions respected; free text left out (it is not counted per value). */
    private static Participation.PendingAnswer answer(Definition definition, Random random) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Item item : definition.items()) {
            if (!item.type().answerable() || item.type() == ItemType.TEXT || !item.shown(values)
                    || (!item.isRequired() && random.nextInt(5) == 0)) {
                continue;
            }
            List<String> options = item.values();
            switch (item.type()) {
                case LIKERT5 -> values.put(item.id(), Math.min(5, 1 + random.nextInt(3) + random.nextInt(3)));
                case SCALE_0_TO_10 -> values.put(item.id(), random.nextInt(11));
                case SINGLE -> values.put(item.id(), options.get(random.nextInt(options.size())));
                default -> values.put(item.id(), options.stream().filter(o -> random.nextInt(3) == 0).findFirst()
                        .map(List::of).orElse(List.of(options.getFirst())));
            }
        }
        return new Participation.PendingAnswer(Ids.newId(), "", "2026-W45", values, List.of(), Instant.EPOCH);
    }
}
