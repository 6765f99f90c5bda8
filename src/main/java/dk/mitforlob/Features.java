package dk.mitforlob;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.webserver.http.HttpService;

import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.EnrollmentService;
import dk.mitforlob.citizen.MeService;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.evaluation.Enrollments;
import dk.mitforlob.evaluation.MongoEnrollments;
import dk.mitforlob.hours.CaseworkerHoursService;
import dk.mitforlob.hours.HoursEvaluationService;
import dk.mitforlob.hours.MongoLedgerMigration;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.MongoMonthlyHours;
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
import dk.mitforlob.plan.MongoPlanHistoryMigration;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.plan.MyPlanService;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.audit.MongoAuditLog;
import dk.mitforlob.platform.background.PeriodicTasks;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.idempotency.Idempotency;
import dk.mitforlob.platform.security.AccessTokenVerifier;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.Migrations;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.wishes.CaseworkerWishesService;
import dk.mitforlob.wishes.MongoWishesHistoryMigration;
import dk.mitforlob.wishes.MongoWishesRepository;
import dk.mitforlob.wishes.MongoWishesRollup;
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
    private static final Duration KEY_PURGE = Duration.ofHours(1);
    private static final Duration STUCK_MOVES = Duration.ofMinutes(1);
    private static final Duration ENROLLMENT_RECONCILIATION = Duration.ofMinutes(15);

    final AccessTokenVerifier tokenVerifier;
    final Citizens citizens;
    final Plans plans;
    final StatedWishes wishes;
    final PaidHours paidHours;
    final List<HttpService> apiServices;

    Features(Settings settings, MongoStore store, Clock clock, PeriodicTasks background) {
        CprHmac cprHmac = new CprHmac(settings.cprHmacKey());
        tokenVerifier = new AccessTokenVerifier(settings.issuers(), cprHmac);
        AuditTrail audit = new AuditTrail(new MongoAuditLog(store), clock);
        Idempotency idempotency = new Idempotency(store, clock);
        IdempotentRequests idempotent = new IdempotentRequests(idempotency);
        citizens = new Citizens(new MongoCitizenRepository(store), cprHmac, clock);

        Enrollments enrollments = new MongoEnrollments(store);
        citizens.onEnrollment(enrollments::record);

        Inbox inbox = new MongoInbox(store);
        MongoOutbox outbox = new MongoOutbox(inbox, store, clock);
        plans = new Plans(new MongoPlanRepository(store, outbox), clock);
        MongoMonthlyHours monthlyHours = new MongoMonthlyHours(store);
        MongoHoursRepository hoursRepository = new MongoHoursRepository(store, outbox, monthlyHours);
        paidHours = new PaidHours(hoursRepository, plans, clock, settings.hoursWindowDays());
        WishesRollup wishesRollup = new MongoWishesRollup(store);
        wishes = new StatedWishes(new MongoWishesRepository(store, outbox, wishesRollup), clock);

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
                new WishesEvaluationService(new WishesStatistics(wishesRollup, enrollments)));

        new Migrations(store, clock).run(STORAGE_MIGRATION, List.of(
                Migrations.step("outboxes written before writes were announced", stillMine -> outbox.sweepEverything()),
                new MongoLedgerMigration(store, outbox, hoursRepository),
                new MongoPlanHistoryMigration(store),
                new MongoWishesHistoryMigration(store, wishesRollup),
                Migrations.step("enrollments for the evaluators' roll-up",
                        stillMine -> enrollments.catchUp(citizens::forEach))));

        background.every(OUTBOX_SWEEP, "outbox sweep", outbox::sweep);
        background.every(KEY_PURGE, "idempotency key purge", idempotency::purgeExpired);
        background.every(STUCK_MOVES, "paid hours moves left half done", paidHours::settleStuckMoves);
        // a citizen stored by a process that died before recording the enrollment, and never enrolled again
        background.every(ENROLLMENT_RECONCILIATION, "enrollments roll-up", () -> enrollments.catchUp(citizens::forEach));
    }
}
