package dk.mitforlob;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.helidon.webserver.http.HttpService;

import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.EnrollmentService;
import dk.mitforlob.citizen.MeService;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.evaluation.Enrollments;
import dk.mitforlob.evaluation.MongoEnrollments;
import dk.mitforlob.console.Console;
import dk.mitforlob.console.ConsoleService;
import dk.mitforlob.console.ConsoleSettings;
import dk.mitforlob.hours.CaseworkerHoursService;
import dk.mitforlob.hours.HoursEvaluationService;
import dk.mitforlob.hours.MongoLedgerMigration;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.MongoMonthlyHours;
import dk.mitforlob.hours.MyHoursService;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.inbox.CaseloadService;
import dk.mitforlob.inbox.EventFeedService;
import dk.mitforlob.inbox.InboxService;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.CaseworkerPlanService;
import dk.mitforlob.plan.IntegrationPlanService;
import dk.mitforlob.plan.MongoPlanHistoryMigration;
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
import dk.mitforlob.platform.ratelimit.MongoQuotaCounter;
import dk.mitforlob.platform.ratelimit.QuotaCounts;
import dk.mitforlob.platform.ratelimit.RateLimiting;
import dk.mitforlob.platform.security.AccessTokenVerifier;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.Migrations;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.privacy.AccessLog;
import dk.mitforlob.privacy.AccessLogService;
import dk.mitforlob.privacy.CitizenExport;
import dk.mitforlob.privacy.ExportService;
import dk.mitforlob.privacy.RetentionJob;
import dk.mitforlob.platform.config.Retention;
import dk.mitforlob.privacy.ProfileExport;
import dk.mitforlob.plan.PlanExport;
import dk.mitforlob.hours.HoursExport;
import dk.mitforlob.wishes.WishesExport;
import dk.mitforlob.reminders.RemindersExport;
import dk.mitforlob.survey.SurveyExport;
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
import dk.mitforlob.survey.MongoAnswers;
import dk.mitforlob.survey.MongoParticipation;
import dk.mitforlob.survey.MongoQuestionnaires;
import dk.mitforlob.survey.MongoRounds;
import dk.mitforlob.survey.MySurveysService;
import dk.mitforlob.survey.QuestionnaireAdminService;
import dk.mitforlob.survey.Questionnaires;
import dk.mitforlob.survey.Responses;
import dk.mitforlob.survey.RoundAdminService;
import dk.mitforlob.survey.Rounds;
import dk.mitforlob.survey.SurveyEvaluationService;
import dk.mitforlob.survey.SurveySettings;
import dk.mitforlob.wishes.CaseworkerWishesService;
import dk.mitforlob.wishes.MongoWishesHistoryMigration;
import dk.mitforlob.wishes.MongoWishesReleases;
import dk.mitforlob.wishes.MongoWishesRepository;
import dk.mitforlob.wishes.MongoWishesRollup;
import dk.mitforlob.wishes.MonthlyWishesRelease;
import dk.mitforlob.wishes.MyWishesService;
import dk.mitforlob.wishes.OccupationsService;
import dk.mitforlob.wishes.StatedWishes;
import dk.mitforlob.wishes.WishesEvaluationService;
import dk.mitforlob.wishes.WishesRollup;
import dk.mitforlob.wishes.WishesStatistics;

/** Every feature, wired once by hand: who needs what is readable here and nowhere else. */
final class Features {

    /** Storage whose documents do not grow with a citizen's history (issue 17). */
    static final String STORAGE_MIGRATION = "2-bounded-documents";
    private static final Duration OUTBOX_SWEEP = Duration.ofSeconds(10);
    private static final Duration STUCK_MOVES = Duration.ofMinutes(1);
    private static final Duration ENROLLMENT_RECONCILIATION = Duration.ofMinutes(15);
    private static final Duration SURVEY_OPENING = Duration.ofSeconds(15);
    private static final Duration SURVEY_SWEEP = Duration.ofSeconds(30);
    /** How soon after a month ends its wishes snapshot is taken, at the latest (the check is one read). */
    private static final Duration WISHES_RELEASE = Duration.ofMinutes(1);
    private static final Duration RATE_LIMIT_PURGE = Duration.ofMinutes(5);
    private static final Duration QUOTA_FLUSH = Duration.ofSeconds(1);
    private static final Duration PLAN_REMINDER_CATCH_UP = Duration.ofSeconds(30);
    private static final Duration SURVEY_INVITATIONS = Duration.ofMinutes(1);
    private static final Duration RETENTION_FIRST = Duration.ofMinutes(2);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);

    final AccessTokenVerifier tokenVerifier;
    private final Citizens citizens;
    private final Plans plans;
    private final StatedWishes wishes;
    private final PaidHours paidHours;
    private final Questionnaires questionnaires;
    /** Also what reminders read to invite citizens to survey rounds ({@code SurveyInvitations}). */
    private final Rounds surveyRounds;
    final List<HttpService> apiServices;
    /** Reminder dispatch: stopped with the service, after its round in flight (see DispatchLoop). */
    final AutoCloseable reminderDispatch;
    final Optional<ConsoleService> console;
    final RateLimiting rateLimiting;
    /** Deletes what is kept no longer; run by the background every hour, by tests on their own clock. */
    final RetentionJob retentionJob;

    Features(Settings settings, MongoStore store, Clock clock, PeriodicTasks background) {
        CprHmac cprHmac = new CprHmac(settings.cprHmacKey());
        tokenVerifier = new AccessTokenVerifier(settings.issuers(), cprHmac);
        MongoAuditLog auditLog = new MongoAuditLog(store);
        AuditTrail audit = new AuditTrail(auditLog, clock);
        Retention retention = Retention.fromEnvironment(System.getenv());
        Idempotency idempotency = new Idempotency(store, clock, retention.idempotency());
        IdempotentRequests idempotent = new IdempotentRequests(idempotency);
        citizens = new Citizens(new MongoCitizenRepository(store), cprHmac, clock);

        Enrollments enrollments = new MongoEnrollments(store);
        citizens.onEnrollment(enrollments::record);

        MongoInbox inbox = new MongoInbox(store);
        MongoOutbox outbox = new MongoOutbox(inbox, store, clock);
        // reminders' stores come first: plans tell them of every version they publish
        DeliveryMetrics deliveryMetrics = new DeliveryMetrics();
        MongoReminders reminders = new MongoReminders(store, deliveryMetrics, retention.deliveryLogs());
        MongoPlanNotices planNotices = new MongoPlanNotices(store);
        MongoPreferences notificationPreferences = new MongoPreferences(store);
        MongoDevices deviceStore = new MongoDevices(store);
        MongoNotifications notificationStore = new MongoNotifications(store);
        HoursNudges nudges = new HoursNudges(reminders, notificationPreferences, clock);
        PlanReminders planReminders = new PlanReminders(reminders, planNotices, nudges, clock);
        MongoPlanRepository planRepository = new MongoPlanRepository(store, outbox);
        plans = new Plans(planRepository, clock, planReminders);
        MongoMonthlyHours monthlyHours = new MongoMonthlyHours(store);
        MongoHoursRepository hoursRepository = new MongoHoursRepository(store, outbox, monthlyHours);
        paidHours = new PaidHours(hoursRepository, plans, clock, settings.hoursWindowDays());
        WishesRollup wishesRollup = new MongoWishesRollup(store);
        MongoWishesRepository wishesRepository = new MongoWishesRepository(store, outbox, wishesRollup);
        wishes = new StatedWishes(wishesRepository, clock);
        MonthlyWishesRelease wishesReleases = new MonthlyWishesRelease(new WishesStatistics(wishesRollup, enrollments),
                new MongoWishesReleases(store), clock);
        SurveySettings survey = SurveySettings.fromEnvironment(System.getenv());
        questionnaires = new Questionnaires(new MongoQuestionnaires(store), clock);
        MongoParticipation participation = new MongoParticipation(store);
        MongoAnswers answers = new MongoAnswers(store);
        surveyRounds = new Rounds(new MongoRounds(store), participation, questionnaires, citizens, clock);
        Responses responses = new Responses(surveyRounds, participation, answers, clock);

        Devices devices = new Devices(deviceStore, clock, retention.devices());
        PushGateway push = settings.push().delivery() == PushSettings.Delivery.FCM
                ? FcmPush.start(settings.push(), clock) : new LoggedPush();
        DispatchLoop dispatch = DispatchLoop.start(new ReminderDispatcher(reminders, notificationStore, deviceStore,
                notificationPreferences, new ReminderChecks(citizens, plans, paidHours, surveyRounds), nudges, push,
                deliveryMetrics, clock, settings.push().lease()));
        reminderDispatch = () -> {
            dispatch.close();
            push.close();
        };

        Preferences preferences = new Preferences(notificationPreferences, nudges, clock);
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
                new HoursEvaluationService(enrollments, monthlyHours, paidHours),
                new MyWishesService(citizens, wishes),
                new CaseworkerWishesService(citizens, wishes, audit),
                new OccupationsService(),
                new WishesEvaluationService(wishesReleases),
                new QuestionnaireAdminService(questionnaires, idempotent),
                new RoundAdminService(surveyRounds, idempotent),
                new MySurveysService(citizens, surveyRounds, responses, idempotent),
                new SurveyEvaluationService(surveyRounds, answers, audit, survey.smallCellThreshold()),
                new MyDevicesService(citizens, devices),
                new MyNotificationsService(citizens, new Notifications(notificationStore, clock), preferences),
                new AccessLogService(citizens, new AccessLog(auditLog), clock),
                new ExportService(citizens, new CitizenExport(List.of(new ProfileExport(), new PlanExport(plans),
                        new HoursExport(paidHours), new WishesExport(wishes),
                        new RemindersExport(deviceStore, preferences, notificationStore),
                        new SurveyExport(participation)), clock), audit));

        new Migrations(store, clock).run(STORAGE_MIGRATION, List.of(
                Migrations.step("outboxes written before writes were announced", stillMine -> outbox.sweepEverything()),
                new MongoLedgerMigration(store, outbox, hoursRepository),
                new MongoPlanHistoryMigration(store),
                new MongoWishesHistoryMigration(store, wishesRollup),
                Migrations.step("enrollments for the evaluators' roll-up",
                        stillMine -> enrollments.catchUp(citizens::forEach))));

        console = Console.configure(settings, ConsoleSettings.fromEnvironment(System.getenv()))
                .map(ConsoleService::new);

        MongoQuotaCounter quotas = new MongoQuotaCounter(store, clock);
        QuotaCounts counts = new QuotaCounts(quotas, clock);
        rateLimiting = new RateLimiting(settings.rateLimits(), counts, clock);

        background.every(Duration.ZERO, AccessTokenVerifier.KEY_REFRESH, "issuer key refresh", tokenVerifier::refreshKeys);
        background.every(OUTBOX_SWEEP, "outbox sweep", outbox::sweep);
        background.every(QUOTA_FLUSH, "rate limit counts", counts::flush);
        background.every(RATE_LIMIT_PURGE, "rate limit window purge", quotas::purgeExpired);
        background.every(PLAN_REMINDER_CATCH_UP, "plan reminders catch-up",
                new PlanCatchUp(planNotices, planReminders, citizens, plans, clock)::run);
        background.every(SURVEY_INVITATIONS, "survey invitations",
                new SurveyReminders(surveyRounds, reminders, planNotices, clock)::run);
        background.every(STUCK_MOVES, "paid hours moves left half done", paidHours::settleStuckMoves);
        // a citizen stored by a process that died before recording the enrollment, and never enrolled again
        background.every(ENROLLMENT_RECONCILIATION, "enrollments roll-up", () -> enrollments.catchUp(citizens::forEach));
        background.every(SURVEY_OPENING, "survey round opening", surveyRounds::openDueRounds);
        background.every(SURVEY_SWEEP, "survey answer sweep", responses::finishLeftovers);

        // what is kept no longer (README "Retention"); the embedded store does not act on TTL indexes
        retentionJob = new RetentionJob(List.of(
                new RetentionJob.Purge("audit entries", retention.audit(), auditLog::purgeBefore),
                new RetentionJob.Purge("notifications", retention.notifications(), notificationStore::purgeCreatedBefore),
                new RetentionJob.Purge("settled reminders with their delivery logs", Duration.ZERO,
                        reminders::purgeSettled),
                new RetentionJob.Purge("devices not seen", retention.devices(), deviceStore::removeNotSeenSince),
                new RetentionJob.Purge("idempotency keys", Duration.ZERO, now -> idempotency.purgeExpired())),
                citizens, List.of(
                        citizen -> planRepository.erase(citizen.id()),
                        citizen -> hoursRepository.erase(citizen.id()),
                        citizen -> wishesRepository.erase(citizen.id()),
                        citizen -> inbox.erase(citizen.municipality(), citizen.id()),
                        citizen -> reminders.erase(citizen.id()),
                        citizen -> planNotices.erase(citizen.id()),
                        citizen -> notificationPreferences.erase(citizen.id()),
                        citizen -> deviceStore.erase(citizen.id()),
                        citizen -> notificationStore.erase(citizen.id()),
                        citizen -> participation.erase(citizen.id())),
                retention.endedProgrammeYears(), clock);
        background.every(RETENTION_FIRST, RETENTION_EVERY, "retention", retentionJob::run);
        background.every(WISHES_RELEASE, "wishes table monthly release", wishesReleases::run);
    }

    /** What demo mode seeds its data through. */
    DemoModeSeam.Services demoServices() {
        return new DemoModeSeam.Services(citizens, plans, wishes, paidHours, questionnaires, surveyRounds);
    }
}
