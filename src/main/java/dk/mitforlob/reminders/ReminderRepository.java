package dk.mitforlob.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where reminders wait for their time. Dispatchers on any number of instances claim due reminders
 * with leases: a claimed reminder is theirs until they settle it or the lease runs out (the
 * instance died), after which another dispatcher may claim it.
 */
public interface ReminderRepository {

    /**
     * Schedules the reminder unless one with its key is there (then nothing changes), except that a
     * withdrawn one comes back, as when a meeting moves back to the time it had; true if it was
     * scheduled now.
     */
    boolean schedule(Reminder reminder, Instant now);

    /** Schedules many new reminders at once; those whose key is there already stay as they are. How many were new. */
    int scheduleAll(List<Reminder> reminders, Instant now);

    /** The citizen's pending reminders of this kind. */
    List<Reminder> pending(String citizenId, ReminderKind kind);

    /** Withdraws the citizen's pending reminders of these kinds, except those with the keys given; how many. */
    int withdrawExcept(String citizenId, Set<ReminderKind> kinds, Set<String> keep, Instant now);

    /** Withdraws one pending reminder, with the reason in its log. */
    boolean withdraw(String key, String reason, Instant now);

    /** Moves a pending reminder that nobody holds to another due time. */
    boolean reschedule(String key, Instant dueAt, Instant now);

    Optional<Reminder> byKey(String key);

    List<DeliveryEvent> deliveryLog(String key);

    /** A set of reminders claimed together, and the token that proves the claim. */
    record Claim(String token, List<Reminder> reminders) {
        public Claim {
            reminders = List.copyOf(reminders);
        }
    }

    /** Claims up to {@code max} pending reminders due by {@code now} that nobody holds, for {@code lease}. */
    Claim claim(String owner, Instant now, Duration lease, int max);

    /**
     * Extends the claim on these reminders to {@code until}, just before they are pushed: a dispatcher
     * slowed down past its lease pushes only what is still its own. The keys still claimed.
     */
    java.util.Set<String> renew(Claim claim, java.util.Collection<String> keys, Instant until);

    /** Records what became of claimed reminders; a reminder whose claim was lost meanwhile is left alone. */
    void settle(Claim claim, List<Settlement> settlements);

    /** Gives up every claim {@code owner} holds (on shutdown, after its last round); how many. */
    int release(String owner);
}
