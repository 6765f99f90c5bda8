package dk.mitforlob.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bson.Document;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.BenchmarkMain;
import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestStores;
import dk.mitforlob.survey.SurveyInvitations;

/**
 * Benchmark, not a test (run with {@code make bench-reminders}): 100,000 due reminders — 1,000
 * citizens with a phone each, 100 reminders apiece — drained by two dispatchers (as two instances
 * would) through the real Firebase Admin SDK to the local fake FCM, which checks every message
 * against the push schemas. Prints reminders per second and the time to drain; target under 60 s.
 * Runs on the embedded store, or on the MongoDB of {@code MONGODB_URI}.
 */
public final class RemindersBenchmark {

    private static final int CITIZENS = 1_000;
    private static final int PER_CITIZEN = 100;
    private static final int DISPATCHERS = 2;

    private RemindersBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(RemindersBenchmark::run);
    }

    private static void run() throws Exception {
        TestLogging.configure();
        Logger quiet = TestLogging.logger(ReminderDispatcher.class.getName(), Level.WARNING);
        int total = CITIZENS * PER_CITIZEN;
        Clock clock = Clock.systemUTC();
        try (TestStores.OwnStore own = TestStores.ownStore(); FakeFcm fcm = FakeFcm.start(32)) {
            fcm.keepMessages(false);
            MongoStore store = own.store();
            DeliveryMetrics metrics = new DeliveryMetrics();
            MongoReminders reminders = new MongoReminders(store, metrics);
            MongoPreferences preferences = new MongoPreferences(store);
            MongoDevices devices = new MongoDevices(store);
            MongoNotifications notifications = new MongoNotifications(store);
            System.out.printf("Setting up %,d due reminders for %,d citizens ...%n", total, CITIZENS);
            seed(store, reminders, preferences, devices, clock);

            DispatchParts world = new DispatchParts(store, reminders, preferences, clock);
            List<FcmPush> pushes = new ArrayList<>();
            List<DispatchLoop> loops = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < DISPATCHERS; i++) {
                FcmPush push = FcmPush.start(fcm.settings(Duration.ofMinutes(2)), clock);
                pushes.add(push);
                loops.add(DispatchLoop.start(new ReminderDispatcher(reminders, notifications, devices, preferences,
                        world.checks(), world.nudges(), push, metrics, clock, Duration.ofMinutes(2))));
            }
            // counting pending reminders scans the collection on the embedded store: only now and then
            long pending = total;
            for (int second = 1; pending > 0; second++) {
                Thread.sleep(1000);
                if (fcm.accepted() >= total || second % 10 == 0) {
                    pending = store.collection("reminders").countDocuments(new Document("status", "pending"));
                }
                System.out.printf("  %6.1f s: %,7d sent at FCM%n", Duration.between(start, Instant.now()).toMillis()
                        / 1000.0, fcm.accepted());
            }
            Duration drain = Duration.between(start, Instant.now());
            loops.forEach(DispatchLoop::close);
            pushes.forEach(FcmPush::close);

            Map<String, Long> counts = fcm.countsById();
            long repeated = counts.values().stream().filter(c -> c > 1).count();
            double seconds = drain.toMillis() / 1000.0;
            System.out.println();
            System.out.printf("Reminders benchmark: %,d reminders drained in %.1f s = %,.0f reminders/s "
                            + "(%d dispatchers, embedded store: %s)%n", total, seconds, total / seconds, DISPATCHERS,
                    !TestStores.externalMongo());
            System.out.printf("  FCM requests %,d, accepted %,d, distinct notifications %,d, repeated %d, problems %d%n",
                    fcm.requests(), fcm.accepted(), counts.size(), repeated, fcm.problems().size());
            System.out.printf("  target: drain under 60 s -> %s%n", seconds < 60 ? "met" : "NOT met");
        }
        quiet.setLevel(Level.INFO);
    }

    private static void seed(MongoStore store, MongoReminders reminders, MongoPreferences preferences,
                             MongoDevices devices, Clock clock) {
        MongoCitizenRepository citizens = new MongoCitizenRepository(store);
        Instant now = clock.instant();
        LocalTime local = LocalTime.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        PreferencesInput awake = new PreferencesInput(new PreferencesInput.Kinds(true, true, true, true, true, true, true),
                new PreferencesInput.Window(local.plusHours(6).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString(),
                        local.plusHours(7).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString()), new PreferencesInput.Weekly("sunday", "18:00"));
        List<Reminder> batch = new ArrayList<>();
        for (int c = 0; c < CITIZENS; c++) {
            Citizen citizen = new Citizen(Ids.newId(), "851", "BENCH-" + c, "hmac-" + Ids.newId(), "Bench " + c,
                    Programme.RESOURCE_PROGRAMME, null, null, Language.DA, now, now, 1);
            citizens.insert(citizen);
            devices.register(new Device("inst-bench-" + c, citizen.id(), "bench-token-" + Ids.newId(),
                    DevicePlatform.ANDROID, "2.3.1", c % 2 == 0 ? Language.DA : Language.EN, now, now));
            // quiet hours far from now: the benchmark measures pushing, not holding
            preferences.save(citizen.id(), awake.toPreferences(1, now), 0);
            batch.addAll(DispatchLeasesTest.due(citizen.id(), PER_CITIZEN, now));
            if (batch.size() >= 5_000) {
                reminders.scheduleAll(batch, now);
                batch.clear();
            }
        }
        reminders.scheduleAll(batch, now);
    }

    /** What the dispatchers need besides the stores: the last checks and the nudges, on the same store. */
    private record DispatchParts(MongoStore store, MongoReminders reminders, MongoPreferences preferences,
                                     Clock clock) {
        ReminderChecks checks() {
            Citizens citizens = new Citizens(new MongoCitizenRepository(store), new CprHmac(new byte[32]), clock);
            MongoOutbox outbox = new MongoOutbox(new MongoInbox(store), store, clock);
            Plans plans = new Plans(new MongoPlanRepository(store, outbox), clock);
            PaidHours hours = new PaidHours(new MongoHoursRepository(store, outbox, new dk.mitforlob.hours.MongoMonthlyHours(store)), plans, clock, 90);
            return new ReminderChecks(citizens, plans, hours, NoSurveyRounds.INSTANCE);
        }

        HoursNudges nudges() {
            return new HoursNudges(reminders, preferences, clock);
        }
    }
}
