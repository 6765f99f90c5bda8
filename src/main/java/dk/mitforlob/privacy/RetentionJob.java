package dk.mitforlob.privacy;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;

/**
 * Deletes what is kept no longer: each kind of data past its retention ({@link Purge}), and citizens
 * whose programme ended more than the configured years ago, with all their data except the audit log
 * (kept for its own years) and the anonymous survey answers (linked to no one). Every step is a
 * delete by a condition, so any number of instances may run it at once: they delete the same things.
 */
public final class RetentionJob {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    private static final int BATCH = 100;
    /** Citizens handled in one run at most, so one run stays short; the next run goes on. */
    private static final int MOST_PER_RUN = 10_000;

    /** One kind of data, removed when older than {@code keep}: {@code olderThan} deletes before the instant, counting. */
    public record Purge(String kind, Duration keep, ToLongFunction<Instant> olderThan) {
    }

    /** Deletes one feature's data of a citizen; must be safe to repeat. */
    @FunctionalInterface
    public interface Erasure {
        void erase(Citizen citizen);
    }

    private final List<Purge> purges;
    private final Citizens citizens;
    private final List<Erasure> erasures;
    private final int endedProgrammeYears;
    private final Clock clock;

    public RetentionJob(List<Purge> purges, Citizens citizens, List<Erasure> erasures, int endedProgrammeYears,
                        Clock clock) {
        this.purges = List.copyOf(purges);
        this.citizens = citizens;
        this.erasures = List.copyOf(erasures);
        this.endedProgrammeYears = endedProgrammeYears;
        this.clock = clock;
    }

    public void run() {
        Instant now = clock.instant();
        for (Purge purge : purges) {
            long removed = purge.olderThan().applyAsLong(now.minus(purge.keep()));
            if (removed > 0) {
                LOG.log(Level.INFO, "Retention: removed " + removed + " " + purge.kind() + " older than "
                        + purge.keep().toDays() + " days");
            }
        }
        int erased = eraseEndedProgrammes(LocalDate.ofInstant(now, AccessLog.COPENHAGEN).minusYears(endedProgrammeYears));
        if (erased > 0) {
            LOG.log(Level.INFO, "Retention: deleted " + erased + " citizens whose programme ended more than "
                    + endedProgrammeYears + " years ago");
        }
    }

    /**
     * The citizen's data goes first and the citizen last, so a run cut short is finished by the next
     * one (the citizen is still found). The data is erased once more after the citizen is gone: anything
     * written for them in between (a last request in flight) would otherwise be left with no owner.
     */
    private int eraseEndedProgrammes(LocalDate endedBefore) {
        int erased = 0;
        int handled = 0;
        while (handled < MOST_PER_RUN) {
            List<Citizen> batch = citizens.programmeEndedBefore(endedBefore, BATCH);
            if (batch.isEmpty()) {
                return erased;
            }
            int removedNow = 0;
            for (Citizen citizen : batch) {
                erasures.forEach(erasure -> erasure.erase(citizen));
                if (citizens.remove(citizen)) {
                    erasures.forEach(erasure -> erasure.erase(citizen));
                    removedNow++;
                }
            }
            erased += removedNow;
            handled += batch.size();
            if (removedNow == 0) {
                // each was changed meanwhile (re-enrolled, or another instance got there): the next run looks again
                return erased;
            }
        }
        return erased;
    }
}
