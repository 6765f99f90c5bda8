package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;

/**
 * Dispatchers share the work through leases: two of them over 10,000 due reminders send each
 * exactly once (counted at the fake FCM), a claim whose holder died is taken over once its lease
 * has run out, and a dispatcher that stops gives its claims back at once.
 */
class DispatchLeasesTest {

    private static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");
    static final int REMINDERS = 10_000;

    private final ReminderWorld world = new ReminderWorld(NOON);
    private final Citizen citizen = world.citizen(Language.DA);

    {
        world.device(citizen, ReminderWorld.token(), Language.DA);
        world.fcm.keepMessages(false);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    /** Due reminders of the citizen, numbered; every one a notification of its own. */
    static List<Reminder> due(String citizenId, int count, Instant at) {
        List<Reminder> due = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            due.add(Reminder.due(citizenId, ReminderKind.PLAN_UPDATED, Integer.toString(i), "load-" + i, at,
                    at.plus(Duration.ofDays(7)), ReminderTexts.planUpdated(false), PlanReminders.PLAN_DEEP_LINK,
                    Optional.empty()));
        }
        return due;
    }

    private void schedule(int count) {
        List<Reminder> all = due(citizen.id(), count, NOON);
        for (int from = 0; from < all.size(); from += 1000) {
            world.reminders.scheduleAll(all.subList(from, Math.min(all.size(), from + 1000)), NOON);
        }
    }

    @Test
    void two_dispatchers_over_10000_due_reminders_send_each_exactly_once() throws Exception {
        schedule(REMINDERS);
        ReminderDispatcher first = world.dispatcher();
        ReminderDispatcher second = world.dispatcher();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> claimed = new ArrayList<>();
        for (ReminderDispatcher dispatcher : List.of(first, second)) {
            claimed.add(threads.submit((Callable<Integer>) () -> {
                int total = 0;
                for (int round = dispatcher.dispatchDue(); round > 0; round = dispatcher.dispatchDue()) {
                    total += round;
                }
                return total;
            }));
        }
        int byFirst = claimed.get(0).get();
        int bySecond = claimed.get(1).get();
        threads.shutdown();

        Map<String, Long> counts = world.fcm.countsById();
        assertThat(counts).hasSize(REMINDERS);
        assertThat(counts.values()).as("each notification id pushed once").allMatch(count -> count == 1);
        assertThat(world.fcm.accepted()).isEqualTo(REMINDERS);
        assertThat(byFirst + bySecond).as("claimed once in all").isEqualTo(REMINDERS);
        assertThat(byFirst).as("both did work").isPositive();
        assertThat(bySecond).isPositive();
        assertThat(world.fcm.problems()).isEmpty();
    }

    @Test
    void a_claim_whose_holder_died_is_taken_over_when_its_lease_runs_out_and_sent_once() {
        schedule(600);
        // an instance claims a batch and dies before pushing any of it
        ReminderRepository.Claim lost = world.reminders.claim("dead-instance", NOON, Duration.ofSeconds(30), 500);
        assertThat(lost.reminders()).hasSize(500);

        assertThat(world.dispatch()).as("only what nobody holds").isEqualTo(100);
        world.at(NOON.plusSeconds(29));
        assertThat(world.dispatch()).as("the lease still holds").isZero();
        world.at(NOON.plusSeconds(30));
        assertThat(world.dispatch()).isEqualTo(500);

        assertThat(world.fcm.countsById()).hasSize(600).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        // the dead instance's late writes are refused: its claim token is no longer on the reminders
        world.reminders.settle(lost, lost.reminders().stream().<Settlement>map(r ->
                new Settlement.Failed(r.key(), NOON, "late")).toList());
        assertThat(lost.reminders()).allSatisfy(r ->
                assertThat(world.reminder(r.key()).status()).isEqualTo(Reminder.Status.SENT));
    }

    @Test
    void a_claim_renewed_before_a_push_holds_on_and_one_taken_over_meanwhile_is_not_pushed() {
        schedule(20);
        ReminderRepository.Claim slow = world.reminders.claim("slow-instance", NOON, Duration.ofSeconds(30), 10);
        List<String> keys = slow.reminders().stream().map(Reminder::key).toList();

        // renewed until 0:55: at 0:40 the claim still holds, though its first lease ran out at 0:30
        assertThat(world.reminders.renew(slow, keys, NOON.plusSeconds(55))).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(world.reminders.claim("other", NOON.plusSeconds(40), Duration.ofSeconds(30), 500).reminders())
                .as("only the ten nobody held").hasSize(10).noneMatch(r -> keys.contains(r.key()));

        // not renewed in time: another instance takes them over, and the slow one finds it has lost them
        ReminderRepository.Claim takeover = world.reminders.claim("third", NOON.plusSeconds(56), Duration.ofSeconds(30),
                500);
        assertThat(takeover.reminders()).extracting(Reminder::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(world.reminders.renew(slow, keys, NOON.plusSeconds(90))).as("nothing of it is the slow one's")
                .isEmpty();
    }

    @Test
    void a_dispatcher_that_stops_gives_its_claims_back_at_once() {
        schedule(10);
        ReminderDispatcher stopping = world.dispatcher();
        world.reminders.claim(stopping.owner(), NOON, Duration.ofMinutes(2), 500);
        ReminderDispatcher other = world.dispatcher();
        assertThat(other.dispatchDue()).isZero();

        assertThat(stopping.releaseLeases()).isEqualTo(10);

        assertThat(other.dispatchDue()).isEqualTo(10);
        assertThat(world.fcm.accepted()).isEqualTo(10);
    }

    @Test
    void the_loop_finishes_the_chunk_in_flight_and_releases_its_leases_on_close() throws Exception {
        schedule(1500);
        ReminderDispatcher looping = world.dispatcher();
        DispatchLoop loop = DispatchLoop.start(looping);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (world.fcm.accepted() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        loop.close();

        long sent = world.fcm.accepted();
        assertThat(sent).as("whole chunks only").isPositive().isEqualTo(sent / ReminderDispatcher.SEND_CHUNK
                * ReminderDispatcher.SEND_CHUNK);
        long leased = world.store.collection("reminder_leases").countDocuments();
        assertThat(leased).as("no lease left behind").isZero();
        assertThat(looping.dispatchDue()).as("a stopped dispatcher claims nothing more").isZero();
        ReminderDispatcher next = world.dispatcher();
        int claimed = 0;
        for (int round = next.dispatchDue(); round > 0; round = next.dispatchDue()) {
            claimed += round;
        }
        assertThat(claimed).as("the rest is another's at once").isEqualTo(1500 - (int) sent);
        assertThat(world.fcm.countsById()).hasSize(1500).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
}
