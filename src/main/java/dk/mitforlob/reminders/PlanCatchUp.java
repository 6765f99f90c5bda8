package dk.mitforlob.reminders;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.plan.PlanRecord;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.plan.Plans;

/**
 * Finishes the reminders of plan versions whose publication was announced but never reported
 * done — the process died between storing a version and scheduling its reminders. Run
 * periodically on every instance; the work is idempotent, so two instances doing it is harmless.
 */
public final class PlanCatchUp {

    private static final System.Logger LOG = System.getLogger(PlanCatchUp.class.getName());
    /** The publishing request normally finishes within this; only older announcements are left behind. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    private final PlanNoticeRepository notices;
    private final PlanReminders planReminders;
    private final Citizens citizens;
    private final Plans plans;
    private final Clock clock;

    public PlanCatchUp(PlanNoticeRepository notices, PlanReminders planReminders, Citizens citizens, Plans plans,
                       Clock clock) {
        this.notices = notices;
        this.planReminders = planReminders;
        this.citizens = citizens;
        this.plans = plans;
        this.clock = clock;
    }

    /** Catches up every citizen left behind; how many. */
    public int run() {
        int caughtUp = 0;
        Instant before = clock.instant().minus(GRACE);
        for (String citizenId : notices.announcedBefore(before, BATCH)) {
            Optional<Citizen> citizen = citizens.byId(citizenId);
            if (citizen.isPresent()) {
                PlanRecord record = plans.of(citizen.get());
                long done = notices.state(citizenId).map(PlanNoticeRepository.State::reconciledVersion).orElse(0L);
                planReminders.reconcile(citizenId, versionsAfter(citizen.get(), record, done));
            }
            // an announced version that was never stored (a conflict, a crash before the write) leaves nothing to do
            notices.clearAnnouncement(citizenId, before);
            caughtUp++;
        }
        if (caughtUp > 0) {
            LOG.log(Level.INFO, "Caught up on the reminders of " + caughtUp + " plan publication(s) left unfinished");
        }
        return caughtUp;
    }

    /** The versions after {@code done}, oldest first; the whole history is read only when more than one is missing. */
    private List<PlanVersion> versionsAfter(Citizen citizen, PlanRecord record, long done) {
        if (record.current().isEmpty() || record.version() <= done) {
            return List.of();
        }
        if (done == 0 || record.version() == done + 1) {
            return List.of(record.current().get());
        }
        List<PlanVersion> missing = new ArrayList<>(plans.history(citizen).stream()
                .filter(v -> v.version() > done).toList());
        missing.sort((a, b) -> Long.compare(a.version(), b.version()));
        return missing;
    }
}
