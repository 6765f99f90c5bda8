package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.CaseworkerRef;
import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.EmbeddedMongo;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.ServiceProcess;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;

/**
 * Two service processes dispatch the same due reminders from one MongoDB; one of them is killed
 * with SIGKILL in the middle. Nothing is lost: every reminder reaches FCM, and each exactly once —
 * except those the killed process had sent but not yet recorded when it died, which the survivor
 * sends again once their leases have run out (there is no way to ask FCM whether it got them; the
 * phone shows such a repeat once, by its collapse id). Those are at most the one chunk in flight
 * (each sendEach of up to 100 messages is recorded before the next is sent).
 * 10,000 reminders, as the issue asks: about a minute on this machine.
 */
class ReminderCrashTest {

    private static final int REMINDERS = 10_000;
    private static final int KILL_AFTER = 3_000;
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Test
    void two_instances_send_every_reminder_and_a_killed_one_loses_none_and_repeats_at_most_its_batch_in_flight()
            throws Exception {
        TestLogging.configure();
        TestIssuers issuers = TestIssuers.get();
        String run = UUID.randomUUID().toString();
        // the store both processes share: the test's own embedded one on a TCP port, or MONGODB_URI
        TestStores.Target target = TestStores.create();
        try (FakeFcm fcm = FakeFcm.start(32);
             MongoStore store = MongoStore.connect(target.uri(), target.database())) {
            fcm.keepMessages(false);
            Map<String, String> push = new java.util.HashMap<>(fcm.environment());
            push.put("MITFORLOB_REMINDER_LEASE_SECONDS", Long.toString(LEASE.toSeconds()));
            ServiceProcess first = ServiceProcess.production(target.uri(), target.database(), issuers.trusted(), push,
                    Path.of("target", "crash-test", "reminders-a-" + run + ".log"));
            ServiceProcess second = ServiceProcess.production(target.uri(), target.database(), issuers.trusted(), push,
                    Path.of("target", "crash-test", "reminders-b-" + run + ".log"));
            try (first; second) {
                first.start();
                second.start();
                String citizenId = dueReminders(store);
                long started = System.nanoTime();

                awaitAccepted(fcm, KILL_AFTER, Duration.ofMinutes(5));
                first.kill();
                long acceptedAtKill = fcm.accepted();
                awaitAllSettled(store, Duration.ofMinutes(8));
                double seconds = (System.nanoTime() - started) / 1e9;

                Map<String, Long> counts = fcm.countsById();
                Set<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                Set<String> claimedTwice = store.collection("reminders")
                        .find(Filters.and(Filters.eq("citizenId", citizenId), Filters.gt("claims", 1)))
                        .map(doc -> Reminder.notificationIdOf(doc.getString("_id"))).into(new java.util.HashSet<>());
                System.out.printf("ReminderCrashTest: %d reminders in %.1f s, %d accepted by FCM when one instance was "
                                + "killed, %d repeated (all of them in flight at the killed instance: %d taken over)%n",
                        REMINDERS, seconds, acceptedAtKill, repeated.size(), claimedTwice.size());

                assertThat(counts).as("every reminder reached FCM").hasSize(REMINDERS);
                assertThat(store.collection("reminders").countDocuments(Filters.and(Filters.eq("citizenId", citizenId),
                        Filters.eq("status", "sent")))).isEqualTo(REMINDERS);
                assertThat(claimedTwice).as("taken over from the killed instance: at most its one batch")
                        .hasSizeLessThanOrEqualTo(ReminderDispatcher.BATCH);
                assertThat(claimedTwice).as("only what it had claimed is repeated").containsAll(repeated);
                assertThat(repeated).as("at most the one chunk it had in flight")
                        .hasSizeLessThanOrEqualTo(ReminderDispatcher.SEND_CHUNK);
                assertThat(counts.values()).as("never more than twice").allMatch(count -> count <= 2);
                assertThat(fcm.problems()).isEmpty();

                second.close();
                assertThat(store.collection("reminder_leases").countDocuments())
                        .as("a SIGTERM lets the survivor give back its leases").isZero();
            }
        } finally {
            if (target.owned() != null) {
                target.owned().close();
            } else {
                try (MongoStore store = MongoStore.connect(target.uri(), target.database())) {
                    store.database().drop();
                }
            }
        }
    }

    /** A citizen with a phone, quiet hours far from now, and REMINDERS reminders due at once; the citizen's id. */
    private static String dueReminders(MongoStore store) {
        Clock clock = Clock.systemUTC();
        Citizen citizen = new Citizens(new MongoCitizenRepository(store), new CprHmac(TestService.CPR_KEY), clock)
                .enroll("851", "CRASH-" + UUID.randomUUID(), new Enrollment(Fixtures.newCpr(), "Crash Test",
                        Programme.RESOURCE_PROGRAMME, new CaseworkerRef("cw", "Case Worker"), null, Language.DA))
                .citizen();
        new MongoDevices(store).register(new Device("inst-crash-test", citizen.id(), ReminderWorld.token(),
                DevicePlatform.ANDROID, "2.3.1", Language.DA, clock.instant(), clock.instant()));
        LocalTime now = LocalTime.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        PreferencesInput.Kinds all = new PreferencesInput.Kinds(true, true, true, true, true, true, true);
        new MongoPreferences(store).save(citizen.id(), new PreferencesInput(all, new PreferencesInput.Window(
                        now.plusHours(6).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString(), now.plusHours(7).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString()),
                new PreferencesInput.Weekly("sunday", "18:00")).toPreferences(1, clock.instant()), 0);
        MongoReminders reminders = new MongoReminders(store, new DeliveryMetrics());
        List<Reminder> due = DispatchLeasesTest.due(citizen.id(), REMINDERS, clock.instant());
        for (int from = 0; from < due.size(); from += 1000) {
            reminders.scheduleAll(due.subList(from, Math.min(due.size(), from + 1000)), clock.instant());
        }
        return citizen.id();
    }

    private static void awaitAccepted(FakeFcm fcm, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (fcm.accepted() < count) {
            assertThat(System.nanoTime()).as("FCM got " + fcm.accepted() + " of " + count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitAllSettled(MongoStore store, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.collection("reminders").countDocuments(new Document("status", "pending")) > 0) {
            assertThat(System.nanoTime()).as("all reminders settled in time").isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
