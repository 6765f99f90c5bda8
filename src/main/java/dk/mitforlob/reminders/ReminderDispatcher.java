package dk.mitforlob.reminders;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dk.mitforlob.platform.ids.Ids;

/**
 * Sends due reminders: claims up to 500 at a time, looks once more whether each is still to be
 * given, puts it in the citizen's in-app list, and pushes it to their devices — or holds the push
 * until quiet hours end, or skips it (preference off, no device, withdrawn) — and records what
 * became of each, pushes after every {@code sendEach} of up to {@value #SEND_CHUNK} messages. Several dispatchers, on one instance or many, share the work through the
 * claims' leases.
 */
public final class ReminderDispatcher {

    private static final System.Logger LOG = System.getLogger(ReminderDispatcher.class.getName());
    public static final int BATCH = PushGateway.MAX_BATCH;
    /**
     * Messages per {@code sendEach}, each recorded before the next is sent: what an instance killed in
     * the middle has sent but not recorded (and another instance sends again) is at most this many.
     */
    static final int SEND_CHUNK = 100;

    private final ReminderRepository reminders;
    private final NotificationRepository notifications;
    private final DeviceRepository devices;
    private final PreferencesRepository preferences;
    private final ReminderChecks checks;
    private final HoursNudges nudges;
    private final PushGateway push;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private volatile boolean stopping;
    private final String owner;
    private final Random random = new Random();
    private volatile Instant pausedUntil = Instant.EPOCH;

    public ReminderDispatcher(ReminderRepository reminders, NotificationRepository notifications,
                              DeviceRepository devices, PreferencesRepository preferences, ReminderChecks checks,
                              HoursNudges nudges, PushGateway push, DeliveryMetrics metrics, Clock clock,
                              Duration lease) {
        this.reminders = reminders;
        this.notifications = notifications;
        this.devices = devices;
        this.preferences = preferences;
        this.checks = checks;
        this.nudges = nudges;
        this.push = push;
        this.metrics = metrics;
        this.clock = clock;
        this.lease = lease;
        this.owner = "dispatcher-" + Ids.newId();
    }

    /**
     * Asks the round in flight to stop after the chunk it is sending: a stopping service must not
     * spend its grace period on a whole batch. What it leaves unsent goes with the leases given back.
     */
    public void stop() {
        stopping = true;
    }

    /** The name this dispatcher's leases carry. */
    public String owner() {
        return owner;
    }

    /** One round: claims up to 500 due reminders and settles each; how many it claimed. */
    public int dispatchDue() {
        Instant now = clock.instant();
        if (stopping || now.isBefore(pausedUntil)) {
            return 0;
        }
        ReminderRepository.Claim claim = reminders.claim(owner, now, lease, BATCH);
        if (claim.reminders().isEmpty()) {
            return 0;
        }
        Prepared prepared = prepare(claim.reminders(), now);
        reminders.settle(claim, prepared.settled());
        List<Settlement> settlements = new ArrayList<>(prepared.settled());
        List<Reminder> chunk = new ArrayList<>();
        int messageCount = 0;
        for (Reminder reminder : prepared.toPush()) {
            if (stopping) {
                // the service is stopping: the rest of the batch is left to the leases given back on close
                break;
            }
            chunk.add(reminder);
            messageCount += prepared.messagesOf().get(reminder.key()).size();
            if (messageCount >= SEND_CHUNK || reminder == prepared.toPush().getLast()) {
                settlements.addAll(pushChunk(claim, chunk, prepared, now));
                chunk = new ArrayList<>();
                messageCount = 0;
            }
        }
        afterwards(claim.reminders(), settlements);
        return claim.reminders().size();
    }

    /**
     * Pushes one chunk and records it. Its claims are renewed first: a dispatcher slowed down past its
     * lease (a loaded machine, a long GC pause) pushes only what is still its own, so another that
     * took the rest over does not push it a second time.
     */
    private List<Settlement> pushChunk(ReminderRepository.Claim claim, List<Reminder> chunk, Prepared prepared,
                                       Instant now) {
        Set<String> ours = reminders.renew(claim, chunk.stream().map(Reminder::key).toList(),
                clock.instant().plus(lease));
        List<Reminder> still = chunk.stream().filter(reminder -> ours.contains(reminder.key())).toList();
        if (still.isEmpty()) {
            return List.of();
        }
        List<PushMessage> messages = still.stream()
                .flatMap(reminder -> prepared.messagesOf().get(reminder.key()).stream()).toList();
        List<Settlement> pushed = pushed(still, messages, push.send(messages), now);
        // recorded right after each send: an instance killed now has sent at most one chunk unrecorded
        reminders.settle(claim, pushed);
        return pushed;
    }

    /** A claimed batch looked through: what is settled without a push, and what is to be pushed to which devices. */
    private record Prepared(List<Settlement> settled, List<Reminder> toPush, Map<String, List<PushMessage>> messagesOf) {
    }

    /** Gives up this dispatcher's leases, so that another instance need not wait for them to expire. */
    public int releaseLeases() {
        return reminders.release(owner);
    }

    private Prepared prepare(List<Reminder> batch, Instant now) {
        Map<String, ReminderChecks.Verdict> verdicts = checks.check(batch, now);
        Set<String> citizenIds = batch.stream().map(Reminder::citizenId).collect(Collectors.toSet());
        Map<String, NotificationPreferences> chosen = preferences.ofCitizens(citizenIds);
        Instant stale = now.minus(Devices.STALE_AFTER);
        Map<String, List<Device>> devicesOf = devices.ofCitizens(citizenIds).stream()
                .filter(device -> device.lastSeenAt().isAfter(stale))
                .collect(Collectors.groupingBy(Device::citizenId));

        List<Settlement> settlements = new ArrayList<>();
        List<Notification> listed = new ArrayList<>();
        List<Reminder> toPush = new ArrayList<>();
        Map<String, List<PushMessage>> messagesOf = new HashMap<>();
        for (Reminder reminder : batch) {
            ReminderChecks.Verdict verdict = verdicts.get(reminder.key());
            NotificationPreferences wanted = chosen.getOrDefault(reminder.citizenId(), NotificationPreferences.defaults());
            if (!verdict.give()) {
                settlements.add(new Settlement.Skipped(reminder.key(), now, verdict.skipReason().orElseThrow()));
                continue;
            }
            if (!wanted.wants(reminder.kind())) {
                settlements.add(new Settlement.Skipped(reminder.key(), now, "preference-off"));
                continue;
            }
            listed.add(Notification.of(reminder, now));
            Optional<Instant> quietUntil = reminder.kind().heldByQuietHours()
                    ? wanted.quietHours().endIfInside(now, ReminderTexts.COPENHAGEN) : Optional.empty();
            List<Device> targets = devicesOf.getOrDefault(reminder.citizenId(), List.of());
            if (quietUntil.isPresent()) {
                settlements.add(new Settlement.Held(reminder.key(), now, quietUntil.get()));
            } else if (targets.isEmpty()) {
                settlements.add(new Settlement.Skipped(reminder.key(), now, "no-device"));
            } else {
                toPush.add(reminder);
                messagesOf.put(reminder.key(), targets.stream().map(device -> PushMessage.of(reminder, device)).toList());
            }
        }
        // in the list before any push leaves: it is there whatever becomes of the push
        notifications.addAll(listed);
        return new Prepared(settlements, toPush, messagesOf);
    }

    /** One settlement per pushed reminder: sent if any of its devices took it, else retried or failed. */
    private List<Settlement> pushed(List<Reminder> toPush, List<PushMessage> messages, List<PushResult> results,
                                    Instant now) {
        Map<String, List<String>> delivered = new HashMap<>();
        Map<String, List<PushResult.Refused>> refused = new HashMap<>();
        List<String> invalidTokens = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            PushMessage message = messages.get(i);
            switch (results.get(i)) {
                case PushResult.Delivered d ->
                        delivered.computeIfAbsent(message.reminderKey(), k -> new ArrayList<>()).add(d.messageId());
                case PushResult.Refused r -> {
                    refused.computeIfAbsent(message.reminderKey(), k -> new ArrayList<>()).add(r);
                    if (r.failure() == PushResult.Failure.TOKEN_INVALID) {
                        invalidTokens.add(message.token());
                    }
                    // FCM asks every sender to wait: so does this dispatcher, for all its reminders
                    r.retryAfter().map(now::plus).filter(until -> until.isAfter(pausedUntil))
                            .ifPresent(until -> pausedUntil = until);
                }
            }
        }
        if (!invalidTokens.isEmpty()) {
            metrics.tokensRemoved(devices.removeTokens(invalidTokens));
        }
        List<Settlement> settlements = new ArrayList<>();
        for (Reminder reminder : toPush) {
            List<String> ids = delivered.getOrDefault(reminder.key(), List.of());
            List<PushResult.Refused> failures = refused.getOrDefault(reminder.key(), List.of());
            if (!ids.isEmpty()) {
                settlements.add(new Settlement.Sent(reminder.key(), now, ids));
                continue;
            }
            String error = failures.getFirst().error();
            int attempt = reminder.attempts() + 1;
            Optional<PushResult.Refused> retryable = failures.stream()
                    .filter(f -> f.failure() == PushResult.Failure.RETRYABLE).findFirst();
            if (retryable.isPresent() && attempt < Backoff.MAX_ATTEMPTS) {
                Optional<Duration> wait = failures.stream().flatMap(f -> f.retryAfter().stream())
                        .max(Duration::compareTo);
                settlements.add(new Settlement.Retry(reminder.key(), now,
                        Backoff.next(now, attempt, wait, random), retryable.get().error()));
            } else {
                settlements.add(new Settlement.Failed(reminder.key(), now, error));
            }
        }
        return settlements;
    }

    private void afterwards(List<Reminder> batch, List<Settlement> settlements) {
        Map<String, Reminder> byKey = batch.stream().collect(Collectors.toMap(Reminder::key, r -> r));
        Map<String, Long> outcomes = new TreeMap<>();
        for (Settlement settlement : settlements) {
            Reminder reminder = byKey.get(settlement.key());
            metrics.count(settlement.outcome(), reminder.kind());
            outcomes.merge(settlement.outcome(), 1L, Long::sum);
            boolean settled = !(settlement instanceof Settlement.Held) && !(settlement instanceof Settlement.Retry);
            if (settled && reminder.kind() == ReminderKind.HOURS_NUDGE) {
                nextNudge(reminder);
            }
        }
        LOG.log(Level.INFO, "Dispatched " + batch.size() + " reminder(s): " + outcomes);
    }

    /** The week after a nudge gets one too, while the plan has paid hours. */
    private void nextNudge(Reminder nudge) {
        try {
            if (checks.nudgesGoOn(nudge.citizenId(), LocalDate.ofInstant(nudge.expiresAt(), HoursNudges.COPENHAGEN))) {
                nudges.scheduleFrom(nudge.citizenId(), nudge.expiresAt());
            }
        } catch (RuntimeException e) {
            // the next publication of the citizen's plan schedules it again
            LOG.log(Level.WARNING, "Scheduling the next paid-hours nudge of citizen " + nudge.citizenId() + " failed", e);
        }
    }
}
