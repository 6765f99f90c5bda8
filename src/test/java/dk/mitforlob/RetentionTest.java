package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.hours.HoursInput;
import dk.mitforlob.plan.Plan;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.platform.audit.AuditEntry;
import dk.mitforlob.platform.audit.MongoAuditLog;
import dk.mitforlob.platform.background.PeriodicTasks;
import dk.mitforlob.platform.config.Retention;
import dk.mitforlob.platform.json.Json;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.reminders.DeliveryMetrics;
import dk.mitforlob.reminders.MongoReminders;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestStores;
import dk.mitforlob.wishes.Wishes;

/**
 * Retention under a fixed clock, on the service's own wiring and a store of its own: each kind of data
 * is kept to the day its retention ends and gone the day after; a citizen whose programme ended more
 * than five years ago is deleted with their data, except the audit log and the anonymous answers.
 */
class RetentionTest {

    private static final Instant T0 = Instant.parse("2026-01-15T11:00:00Z");

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final MongoStore store = own.store();
    private final TestClock clock = new TestClock();
    private final PeriodicTasks background = new PeriodicTasks();
    private Features features;

    @BeforeEach
    void start() {
        clock.set(T0);
        features = new Features(TestService.settings(own.target(), TestIssuers.get().trusted()), store, clock, background);
    }

    @AfterEach
    void stop() throws Exception {
        background.close();
        features.reminderDispatch.close();
        own.close();
    }

    private void runAt(Instant at) {
        clock.set(at);
        features.retentionJob.run();
    }

    private long count(String collection, Document filter) {
        return store.collection(collection).countDocuments(filter);
    }

    private Citizen enroll(LocalDate programmeEndedOn) {
        return features.demoServices().citizens().enroll("851", "REF-" + UUID.randomUUID(), new Enrollment(
                Fixtures.newCpr(), "Borger", Programme.RESOURCE_PROGRAMME, null, null, null, programmeEndedOn)).citizen();
    }

    /** A citizen with a plan, hours, wishes, an audit entry, a device and a notification. */
    private Citizen withData(LocalDate programmeEndedOn) {
        Citizen citizen = enroll(programmeEndedOn);
        var services = features.demoServices();
        services.plans().publish(citizen, Json.read(Json.write(Fixtures.plan(citizen.id())), Plan.class),
                OptionalLong.empty(), new PlanVersion.Author(PlanVersion.Author.CASE_SYSTEM, "case-system-851"), true);
        services.hours().register(citizen, Json.read(Json.write(Map.of("date", "2026-01-14",
                "employer", Map.of("name", "Netto"), "hours", 3)), HoursInput.class), UUID.randomUUID().toString());
        services.wishes().state(citizen, Json.read(Json.write(Map.of("whatMatters", "Arbejde")), Wishes.class), 0);
        new MongoAuditLog(store).append(List.of(new AuditEntry(T0, "req", "karen", "caseworker", "employees", "read",
                "plan", citizen.id(), "851")));
        store.collection("devices").insertOne(new Document("_id", "inst-" + citizen.id()).append("citizenId", citizen.id())
                .append("token", "tok-" + citizen.id()).append("lastSeenAt", Date.from(T0)));
        store.collection("notifications").insertOne(new Document("_id", "n-" + citizen.id())
                .append("citizenId", citizen.id()).append("createdAt", Date.from(T0)));
        return citizen;
    }

    @Test
    void a_citizen_whose_programme_ended_more_than_five_years_ago_is_deleted_with_their_data_but_not_the_audit_log() {
        LocalDate ended = LocalDate.of(2026, 1, 10);
        Citizen gone = withData(ended);
        Citizen running = withData(null);
        store.collection("survey_answers").insertOne(new Document("_id", "anonymous-bucket").append("answers", List.of()));

        runAt(Instant.parse("2031-01-09T12:00:00Z"));
        assertThat(features.demoServices().citizens().byId(gone.id())).as("five years less a day").isPresent();

        runAt(Instant.parse("2031-01-11T12:00:00Z"));
        assertThat(features.demoServices().citizens().byId(gone.id())).isEmpty();
        for (String collection : List.of("plan_versions", "hours_placements", "wishes_versions", "inbox", "devices",
                "notifications")) {
            assertThat(count(collection, new Document("citizenId", gone.id()))).as(collection).isZero();
        }
        assertThat(count("plans", new Document("_id", gone.id()))).isZero();
        assertThat(count("wishes", new Document("_id", gone.id()))).isZero();
        assertThat(count("hours_months", new Document("_id", new Document("$regex", "^" + gone.id() + "\\|")))).isZero();
        assertThat(count("reminder_plan_state", new Document("_id", gone.id()))).isZero();
        assertThat(count("audit_log", new Document("citizenId", gone.id()))).as("the audit log stays").isEqualTo(1);
        assertThat(count("survey_answers", new Document("_id", "anonymous-bucket"))).isEqualTo(1);

        assertThat(features.demoServices().citizens().byId(running.id())).as("a programme that runs").isPresent();
        assertThat(count("plan_versions", new Document("citizenId", running.id()))).isEqualTo(1);
        assertThat(count("hours_months", new Document("_id", new Document("$regex", "^" + running.id() + "\\|")))).isEqualTo(1);
    }

    @Test
    void the_audit_log_is_kept_five_years() {
        Citizen citizen = withData(null);
        Duration keep = Retention.DEFAULTS.audit();
        assertThat(keep).isGreaterThanOrEqualTo(Duration.ofDays(5 * 365 + 2));

        runAt(T0.plus(keep).minus(Duration.ofHours(1)));
        assertThat(count("audit_log", new Document("citizenId", citizen.id()))).isEqualTo(1);
        runAt(T0.plus(keep).plus(Duration.ofHours(1)));
        assertThat(count("audit_log", new Document("citizenId", citizen.id()))).isZero();
    }

    @Test
    void notifications_are_kept_a_year_and_devices_sixty_days_unseen() {
        Citizen citizen = withData(null);

        runAt(T0.plus(Duration.ofDays(60)).minus(Duration.ofMinutes(1)));
        assertThat(count("devices", new Document("citizenId", citizen.id()))).isEqualTo(1);
        runAt(T0.plus(Duration.ofDays(60)).plus(Duration.ofMinutes(1)));
        assertThat(count("devices", new Document("citizenId", citizen.id()))).isZero();

        runAt(T0.plus(Duration.ofDays(365)).minus(Duration.ofMinutes(1)));
        assertThat(count("notifications", new Document("citizenId", citizen.id()))).isEqualTo(1);
        runAt(T0.plus(Duration.ofDays(365)).plus(Duration.ofMinutes(1)));
        assertThat(count("notifications", new Document("citizenId", citizen.id()))).isZero();
    }

    @Test
    void a_settled_reminders_delivery_log_is_kept_ninety_days() {
        MongoReminders reminders = new MongoReminders(store, new DeliveryMetrics(), Retention.DEFAULTS.deliveryLogs());
        store.collection("reminders").insertOne(new Document("_id", "r-1").append("status", "pending")
                .append("citizenId", "someone"));
        assertThat(reminders.withdraw("r-1", "withdrawn", T0)).isTrue();

        runAt(T0.plus(Duration.ofDays(90)).minus(Duration.ofMinutes(1)));
        assertThat(count("reminders", new Document("_id", "r-1"))).isEqualTo(1);
        runAt(T0.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(1)));
        assertThat(count("reminders", new Document("_id", "r-1"))).isZero();
    }

    @Test
    void idempotency_keys_expire_after_their_days() {
        store.collection("idempotency_keys").insertOne(new Document("_id", "k-1")
                .append("expiresAt", Date.from(T0.plus(Retention.DEFAULTS.idempotency()))));

        runAt(T0.plus(Retention.DEFAULTS.idempotency()).minus(Duration.ofMinutes(1)));
        assertThat(count("idempotency_keys", new Document("_id", "k-1"))).isEqualTo(1);
        runAt(T0.plus(Retention.DEFAULTS.idempotency()).plus(Duration.ofMinutes(1)));
        assertThat(count("idempotency_keys", new Document("_id", "k-1"))).isZero();
    }

    @Test
    void settings_below_the_floor_stop_the_service_rather_than_delete_too_early() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retention.fromEnvironment(
                Map.of("MITFORLOB_RETENTION_AUDIT_DAYS", "365"))).hasMessageContaining("MITFORLOB_RETENTION_AUDIT_DAYS");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retention.fromEnvironment(
                Map.of("MITFORLOB_RETENTION_IDEMPOTENCY_DAYS", "6"))).hasMessageContaining("between 7");
        assertThat(Retention.fromEnvironment(Map.of("MITFORLOB_RETENTION_ENDED_PROGRAMME_YEARS", "10"))
                .endedProgrammeYears()).isEqualTo(10);
    }
}
