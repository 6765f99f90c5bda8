package dk.mitforlob.reminders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dk.mitforlob.citizen.CaseworkerRef;
import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.Activity;
import dk.mitforlob.plan.ActivityStatus;
import dk.mitforlob.plan.ActivityType;
import dk.mitforlob.plan.Meeting;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.plan.Plan;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.FakeFcm;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;
import dk.mitforlob.survey.SurveyInvitations;

/**
 * Reminders wired as {@code Features} wires them, on a store of the test's own, with a clock the
 * test sets and pushes through the real Firebase Admin SDK to a fake FCM. Dispatch runs when the
 * test says ({@link #dispatch()}), not on a thread, so each step can be looked at.
 */
final class ReminderWorld implements AutoCloseable {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final PlanVersion.Author CASE_SYSTEM = new PlanVersion.Author(PlanVersion.Author.CASE_SYSTEM, "test");

    final TestStores.OwnStore own;
    final MongoStore store;
    final TestClock clock = new TestClock();
    final FakeFcm fcm;
    final boolean ownFcm;
    final DeliveryMetrics metrics = new DeliveryMetrics();
    final MongoReminders reminders;
    final MongoPlanNotices notices;
    final MongoPreferences preferenceStore;
    final MongoDevices deviceStore;
    final MongoNotifications notificationStore;
    final HoursNudges nudges;
    final PlanReminders planReminders;
    final Citizens citizens;
    final Plans plans;
    final PaidHours paidHours;
    final Devices devices;
    final Preferences preferences;
    final Notifications notifications;
    final ReminderChecks checks;
    final FcmPush push;
    private final List<ReminderDispatcher> dispatchers = new ArrayList<>();

    ReminderWorld(Instant now) {
        this(now, FakeFcm.start(), true, NoSurveyRounds.INSTANCE);
    }

    ReminderWorld(Instant now, FakeFcm fcm, boolean ownFcm, SurveyInvitations rounds) {
        clock.set(now);
        this.fcm = fcm;
        this.ownFcm = ownFcm;
        own = TestStores.ownStore();
        store = own.store();
        reminders = new MongoReminders(store, metrics);
        notices = new MongoPlanNotices(store);
        preferenceStore = new MongoPreferences(store);
        deviceStore = new MongoDevices(store);
        notificationStore = new MongoNotifications(store);
        nudges = new HoursNudges(reminders, preferenceStore, clock);
        planReminders = new PlanReminders(reminders, notices, nudges, clock);
        citizens = new Citizens(new MongoCitizenRepository(store), new CprHmac(new byte[32]), clock);
        MongoOutbox outbox = new MongoOutbox(new MongoInbox(store), store, clock);
        plans = new Plans(new MongoPlanRepository(store, outbox), clock, planReminders);
        paidHours = new PaidHours(new MongoHoursRepository(store, outbox, new dk.mitforlob.hours.MongoMonthlyHours(store)), plans, clock, 90);
        devices = new Devices(deviceStore, clock);
        preferences = new Preferences(preferenceStore, nudges, clock);
        notifications = new Notifications(notificationStore, clock);
        checks = new ReminderChecks(citizens, plans, paidHours, rounds);
        push = FcmPush.start(fcm.settings(Duration.ofSeconds(30)), clock);
    }

    /** A dispatcher of its own (as on another instance), sharing the store and the push. */
    ReminderDispatcher dispatcher() {
        ReminderDispatcher dispatcher = new ReminderDispatcher(reminders, notificationStore, deviceStore,
                preferenceStore, checks, nudges, push, metrics, clock, Duration.ofSeconds(30));
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** Dispatches until nothing due is left; how many reminders were claimed in all. */
    int dispatch() {
        ReminderDispatcher dispatcher = dispatchers.isEmpty() ? dispatcher() : dispatchers.getFirst();
        int total = 0;
        for (int round = dispatcher.dispatchDue(); round > 0; round = dispatcher.dispatchDue()) {
            total += round;
        }
        return total;
    }

    void at(Instant now) {
        clock.set(now);
    }

    static Instant copenhagen(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(COPENHAGEN).toInstant();
    }

    Citizen citizen(Language language) {
        return citizens.enroll("851", "REF-" + Ids.newId(), new Enrollment(Fixtures.newCpr(), "Test Person",
                Programme.RESOURCE_PROGRAMME, new CaseworkerRef("cw", "Case Worker"), null, language)).citizen();
    }

    Device device(Citizen citizen, String token, Language language) {
        return devices.register(citizen, "inst-" + Ids.newId(), new DeviceInput(token, DevicePlatform.ANDROID, "2.3.1",
                language)).device();
    }

    static String token() {
        return "fcm-token-" + Ids.newId() + ":" + Ids.newId();
    }

    PlanVersion publish(Citizen citizen, Plan plan) {
        plans.publish(citizen, plan, OptionalLong.empty(), CASE_SYSTEM, true);
        return plans.of(citizen).current().orElseThrow();
    }

    static Meeting meeting(String id, Instant start) {
        return new Meeting(id, start, start.plus(Duration.ofMinutes(45)), "Jobcentret", null, "Karen, sagsbehandler",
                "Opfølgning på helbred", null, false);
    }

    static Meeting cancelled(Meeting meeting) {
        return new Meeting(meeting.id(), meeting.start(), meeting.end(), meeting.place(), meeting.videoLink(),
                meeting.withWhom(), meeting.purpose(), meeting.preparation(), true);
    }

    static Plan plan(List<Meeting> meetings, List<Activity> activities) {
        return new Plan(List.of(), activities, meetings, null);
    }

    static Activity smallJob(LocalDate from, LocalDate to) {
        return new Activity("act-job", ActivityType.SMALL_JOB, ActivityStatus.IN_PROGRESS, new Activity.Period(from, to),
                "Føtex", new BigDecimal("6"), null, null);
    }

    static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, COPENHAGEN).toInstant();
    }

    Reminder reminder(String key) {
        return reminders.byKey(key).orElseThrow(() -> new AssertionError("no reminder " + key));
    }

    List<Reminder> pending(Citizen citizen, ReminderKind kind) {
        return reminders.pending(citizen.id(), kind);
    }

    List<Notification> listed(Citizen citizen) {
        return notificationStore.page(citizen.id(), java.util.Optional.empty(), 100);
    }

    @Override
    public void close() throws Exception {
        push.close();
        own.close();
        if (ownFcm) {
            fcm.close();
        }
    }
}
