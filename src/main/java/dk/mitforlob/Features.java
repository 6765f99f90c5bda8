package dk.mitforlob;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.webserver.http.HttpService;

import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.EnrollmentService;
import dk.mitforlob.citizen.MeService;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.hours.CaseworkerHoursService;
import dk.mitforlob.hours.HoursEvaluationService;
import dk.mitforlob.hours.HoursRepository;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.MyHoursService;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.inbox.CaseloadService;
import dk.mitforlob.inbox.EventFeedService;
import dk.mitforlob.inbox.Inbox;
import dk.mitforlob.inbox.InboxService;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.CaseworkerPlanService;
import dk.mitforlob.plan.IntegrationPlanService;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.plan.MyPlanService;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.audit.MongoAuditLog;
import dk.mitforlob.platform.background.PeriodicTasks;
import dk.mitforlob.platform.config.PushSettings;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.idempotency.Idempotency;
import dk.mitforlob.platform.security.AccessTokenVerifier;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.reminders.DeliveryMetrics;
import dk.mitforlob.reminders.Devices;
import dk.mitforlob.reminders.DispatchLoop;
import dk.mitforlob.reminders.FcmPush;
import dk.mitforlob.reminders.HoursNudges;
import dk.mitforlob.reminders.LoggedPush;
import dk.mitforlob.reminders.MongoDevices;
import dk.mitforlob.reminders.MongoNotifications;
import dk.mitforlob.reminders.MongoPlanNotices;
import dk.mitforlob.reminders.MongoPreferences;
import dk.mitforlob.reminders.MongoReminders;
import dk.mitforlob.reminders.MyDevicesService;
import dk.mitforlob.reminders.MyNotificationsService;
import dk.mitforlob.reminders.Notifications;
import dk.mitforlob.reminders.PlanCatchUp;
import dk.mitforlob.reminders.PlanReminders;
import dk.mitforlob.reminders.Preferences;
import dk.mitforlob.reminders.PushGateway;
import dk.mitforlob.reminders.ReminderChecks;
import dk.mitforlob.reminders.ReminderDispatcher;
import dk.mitforlob.reminders.SurveyReminders;
import dk.mitforlob.reminders.SurveyRounds;
import dk.mitforlob.wishes.CaseworkerWishesService;
import dk.mitforlob.wishes.MongoWishesRepository;
import dk.mitforlob.wishes.MyWishesService;
import dk.mitforlob.wishes.OccupationsService;
import dk.mitforlob.wishes.StatedWishes;
import dk.mitforlob.wishes.WishesEvaluationService;
import dk.mitforlob.wishes.WishesStatistics;

/** Every feature, wired once by hand: who needs what is readable here and nowhere else. */
final class Features {

    private static final Duration OUTBOX_SWEEP = Duration.ofSeconds(10);
    private static final Duration KEY_PURGE = Duration.ofHours(1);
    private static final Duration PLAN_REMINDER_CATCH_UP = Duration.ofSeconds(30);
    private static final Duration SURVEY_INVITATIONS = Duration.ofMinutes(1);
    private static final Duration DEVICE_PRUNE = Duration.ofHours(6);

    final AccessTokenVerifier tokenVerifier;
    final Citizens citizens;
    final Plans plans;
    final StatedWishes wishes;
    final PaidHours paidHours;
    final List<HttpService> apiServices;
    /** Reminder dispatch: stopped with the service, after its round in flight (see DispatchLoop). */
    final AutoCloseable reminderDispatch;

    Features(Settings settings, MongoStore store, Clock clock, PeriodicTasks background) {
        CprHmac cprHmac = new CprHmac(settings.cprHmacKey());
        tokenVerifier = new AccessTokenVerifier(settings.issuers(), cprHmac);
        AuditTrail audit = new AuditTrail(new MongoAuditLog(store), clock);
        Idempotency idempotency = new Idempotency(store, clock);
        IdempotentRequests idempotent = new IdempotentRequests(idempotency);
        citizens = new Citizens(new MongoCitizenRepository(store), cprHmac, clock);

        Inbox inbox = new MongoInbox(store);
        MongoOutbox outbox = new MongoOutbox(inbox);
        // reminders' stores come first: plans tell them of every version they publish
        DeliveryMetrics deliveryMetrics = new DeliveryMetrics();
        MongoReminders reminders = new MongoReminders(store, deliveryMetrics);
        MongoPlanNotices planNotices = new MongoPlanNotices(store);
        MongoPreferences notificationPreferences = new MongoPreferences(store);
        MongoDevices deviceStore = new MongoDevices(store);
        MongoNotifications notificationStore = new MongoNotifications(store);
        HoursNudges nudges = new HoursNudges(reminders, notificationPreferences, clock);
        PlanReminders planReminders = new PlanReminders(reminders, planNotices, nudges, clock);
        plans = new Plans(new MongoPlanRepository(store, outbox), clock, planReminders);
        HoursRepository hoursRepository = new MongoHoursRepository(store, outbox);
        paidHours = new PaidHours(hoursRepository, plans, clock, settings.hoursWindowDays());
        MongoWishesRepository wishesRepository = new MongoWishesRepository(store, outbox);
        wishes = new StatedWishes(wishesRepository, clock);

        // the survey feature's rounds (dk.mitforlob.survey.SurveyInvitations) are wired here once it is merged
        SurveyRounds surveyRounds = SurveyRounds.none();
        Devices devices = new Devices(deviceStore, clock);
        PushGateway push = settings.push().delivery() == PushSettings.Delivery.FCM
                ? FcmPush.start(settings.push(), clock) : new LoggedPush();
        DispatchLoop dispatch = DispatchLoop.start(new ReminderDispatcher(reminders, notificationStore, deviceStore,
                notificationPreferences, new ReminderChecks(citizens, plans, paidHours, surveyRounds), nudges, push,
                deliveryMetrics, clock, settings.push().lease()));
        reminderDispatch = () -> {
            dispatch.close();
            push.close();
        };

        apiServices = List.of(
                new MeService(citizens),
                new EnrollmentService(citizens, audit),
                new MyPlanService(citizens, plans, idempotent),
                new CaseworkerPlanService(citizens, plans, audit),
                new IntegrationPlanService(citizens, plans, audit),
                new CaseloadService(citizens, inbox, audit),
                new InboxService(inbox, citizens, audit, clock),
                new EventFeedService(inbox, citizens, audit),
                new MyHoursService(citizens, paidHours, idempotent, settings.hoursWindowDays()),
                new CaseworkerHoursService(citizens, paidHours, audit, settings.hoursWindowDays()),
                new HoursEvaluationService(citizens, hoursRepository, paidHours),
                new MyWishesService(citizens, wishes),
                new CaseworkerWishesService(citizens, wishes, audit),
                new OccupationsService(),
                new WishesEvaluationService(new WishesStatistics(wishesRepository, citizens)),
                new MyDevicesService(citizens, devices),
                new MyNotificationsService(citizens, new Notifications(notificationStore, clock),
                        new Preferences(notificationPreferences, nudges, clock)));

        background.every(OUTBOX_SWEEP, "outbox sweep", outbox::sweep);
        background.every(KEY_PURGE, "idempotency key purge", idempotency::purgeExpired);
        background.every(PLAN_REMINDER_CATCH_UP, "plan reminders catch-up",
                new PlanCatchUp(planNotices, planReminders, citizens, plans, clock)::run);
        background.every(SURVEY_INVITATIONS, "survey invitations",
                new SurveyReminders(surveyRounds, reminders, planNotices, clock)::run);
        background.every(DEVICE_PRUNE, "device prune", devices::prune);
    }
}
