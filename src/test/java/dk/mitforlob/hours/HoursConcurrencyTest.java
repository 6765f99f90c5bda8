package dk.mitforlob.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/**
 * 3,000 registrations (60 citizens, 50 days each, over two or three months) sent concurrently, with random retries of the same request — at once, in
 * parallel, or after the answer — as phones on bad networks do: exactly one registration is
 * stored per key, each retry gets the same registration back, and every total is exact.
 */
class HoursConcurrencyTest {

    private static final int CITIZENS = 60;
    private static final int PER_CITIZEN = 50;
    private static final int SENDERS = 48;

    private final TestService service = TestService.get();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    private record Planned(TestCitizen citizen, String key, Map<String, Object> body, BigDecimal hours) {
    }

    @Test
    void three_thousand_registrations_with_random_retries_are_each_stored_exactly_once() throws Exception {
        List<TestCitizen> citizens = new ArrayList<>();
        for (int c = 0; c < CITIZENS; c++) {
            citizens.add(Fixtures.enrollCitizen(service, "746"));
        }
        List<Planned> planned = new ArrayList<>();
        for (int c = 0; c < CITIZENS; c++) {
            for (int i = 0; i < PER_CITIZEN; i++) {
                // at most two registrations of at most 2 hours on any day: never near the 24-hour rule
                BigDecimal hours = BigDecimal.valueOf(0.25 * (1 + (i * 7 + c) % 8));
                Map<String, Object> body = MyHoursApiTest.hours(today.minusDays(i % 90), hours.doubleValue());
                planned.add(new Planned(citizens.get(c), "load-" + c + "-" + i + "-" + java.util.UUID.randomUUID(), body,
                        hours));
            }
        }
        java.util.Collections.shuffle(planned, new Random(42));

        Map<String, String> idByKey = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger inFlightAnswers = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> work = new ArrayList<>();
        Random random = new Random(7);
        for (Planned p : planned) {
            int retries = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
            boolean parallel = random.nextBoolean();
            for (int copy = 0; copy <= (parallel ? retries : 0); copy++) {
                int sequentialRetries = parallel ? 0 : retries;
                work.add(senders.submit(() -> {
                    for (int attempt = 0; attempt <= sequentialRetries; attempt++) {
                        String id = sendUntilAnswered(p, sent, inFlightAnswers);
                        String earlier = idByKey.putIfAbsent(p.key(), id);
                        assertThat(earlier == null || earlier.equals(id)).as("key %s answered with two ids", p.key())
                                .isTrue();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        senders.shutdown();

        assertThat(idByKey).hasSize(CITIZENS * PER_CITIZEN);
        assertThat(sent.get()).isGreaterThan(CITIZENS * PER_CITIZEN);
        for (TestCitizen citizen : citizens) {
            BigDecimal expected = planned.stream().filter(p -> p.citizen() == citizen).map(Planned::hours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode summary = service.api().get("/api/v1/me/hours/summary?from=" + today.minusDays(90) + "&to=" + today)
                    .bearer(citizen.token()).send().expect(200).json();
            assertThat(summary.path("totalHours").decimalValue()).as("total of %s", citizen.citizenId())
                    .isEqualByComparingTo(expected);
            JsonNode list = service.api().get("/api/v1/me/hours?limit=200&from=" + today.minusDays(90))
                    .bearer(citizen.token()).send().expect(200).json();
            assertThat(list.path("items")).hasSize(PER_CITIZEN);
        }
        JsonNode inbox = service.api().get("/api/v1/municipalities/746/inbox?type=hours-registered&limit=1")
                .bearer(service.issuers().caseworker("746")).send().expect(200).json();
        assertThat(inbox.path("unreadCount").asLong()).as("one inbox item per registration")
                .isEqualTo((long) CITIZENS * PER_CITIZEN);
        System.out.printf("HoursConcurrencyTest: %d registrations, %d requests sent, %d answered 409 in flight%n",
                idByKey.size(), sent.get(), inFlightAnswers.get());
    }

    /** Sends the request until it gets a definite answer; 409 "in flight" means: wait and send the same again. */
    private String sendUntilAnswered(Planned p, AtomicInteger sent, AtomicInteger inFlight) throws InterruptedException {
        while (true) {
            sent.incrementAndGet();
            ApiResponse response = service.api().post("/api/v1/me/hours").bearer(p.citizen().token())
                    .idempotencyKey(p.key()).json(p.body()).send();
            if (response.status() == 409) {
                response.expectProblem(409, "request-in-flight");
                inFlight.incrementAndGet();
                Thread.sleep(20);
                continue;
            }
            return response.expect(201).json().path("id").asText();
        }
    }
}
