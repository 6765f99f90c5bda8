package dk.mitforlob.hours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.InputType;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.errors.Rejection;

/**
 * Registering, correcting and withdrawing paid hours. Each change is checked against the whole
 * ledger and stored only if the ledger did not change meanwhile; a citizen's changes are also
 * serialised within this instance, so a burst of retries from one phone does not fight itself.
 * Every change reaches the caseworker's inbox and the case system's feed.
 */
public final class PaidHours {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int MAX_ATTEMPTS = 10;
    private static final int LOCK_STRIPES = 256;

    private final HoursRepository repository;
    private final Plans plans;
    private final Clock clock;
    private final int windowDays;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public PaidHours(HoursRepository repository, Plans plans, Clock clock, int windowDays) {
        this.repository = repository;
        this.plans = plans;
        this.clock = clock;
        this.windowDays = windowDays;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public HoursLedger ledger(Citizen citizen) {
        return repository.ledger(citizen.id(), citizen.municipality());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), COPENHAGEN);
    }

    /** Registers hours under {@code operationId}; the same operation again returns the same registration. */
    public Registration register(Citizen citizen, HoursInput input, String operationId) {
        HoursEntry entry = input.toEntry(false);
        return apply(citizen, ledger -> {
            // a retry of a request that already went through finds its registration, whatever the plan now says
            if (ledger.find(operationId).isEmpty()) {
                requireActivityOfPlan(citizen, entry);
            }
            return ledger.register(operationId, entry, clock.instant(), today(), windowDays);
        });
    }

    public Registration correct(Citizen citizen, String registrationId, HoursInput input) {
        HoursEntry entry = input.toEntry(true);
        requireActivityOfPlan(citizen, entry);
        return apply(citizen, ledger -> ledger.correct(registrationId, entry, input.reason().strip(), clock.instant(),
                today(), windowDays));
    }

    public Registration withdraw(Citizen citizen, String registrationId, HoursInput.Withdrawal withdrawal) {
        withdrawal.validate();
        return apply(citizen, ledger -> ledger.withdraw(registrationId, withdrawal.reason().strip(), clock.instant()));
    }

    private void requireActivityOfPlan(Citizen citizen, HoursEntry entry) {
        if (entry.activityId() != null && plans.of(citizen).plan().activity(entry.activityId()).isEmpty()) {
            throw Rejection.invalid("activityId", "must be the id of an activity of your plan");
        }
    }

    private Registration apply(Citizen citizen, Function<HoursLedger, HoursLedger.Change> change) {
        ReentrantLock lock = locks[Math.floorMod(citizen.id().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                HoursLedger ledger = ledger(citizen);
                HoursLedger.Change result = change.apply(ledger);
                if (!result.changed()) {
                    return result.registration();
                }
                if (repository.save(result, ledger.version(), inboxItem(citizen, result.registration()))) {
                    return result.registration();
                }
            }
        } finally {
            lock.unlock();
        }
        throw Rejection.conflict("concurrent-update", "Your hours were being changed at the same moment; try again");
    }

    private static InboxItem inboxItem(Citizen citizen, Registration registration) {
        Revision now = registration.current();
        String where = now.employer().name() + (now.employer().cvr() == null ? "" : " (CVR " + now.employer().cvr() + ")");
        String what = Hours.danish(now.quarters()) + " timer d. " + DANISH_DATE.format(now.date()) + " hos " + where;
        InputType type;
        String summary;
        switch (now.kind()) {
            case REGISTERED -> {
                type = InputType.HOURS_REGISTERED;
                summary = "Registrerede " + what;
            }
            case CORRECTED -> {
                type = InputType.HOURS_CORRECTED;
                Revision before = registration.revisions().get(registration.revisions().size() - 2);
                summary = "Rettede registrering fra " + Hours.danish(before.quarters()) + " timer d. "
                        + DANISH_DATE.format(before.date()) + " til " + what + ". Begrundelse: »" + now.reason() + "«";
            }
            default -> {
                type = InputType.HOURS_WITHDRAWN;
                summary = "Trak registrering tilbage: " + what + ". Begrundelse: »" + now.reason() + "«";
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrationId", registration.id());
        details.put("revision", now.number());
        details.put("date", now.date());
        details.put("hours", Hours.hours(now.quarters()));
        details.put("employer", now.employer());
        if (now.note() != null) {
            details.put("note", now.note());
        }
        if (now.activityId() != null) {
            details.put("activityId", now.activityId());
        }
        if (now.reason() != null) {
            details.put("reason", now.reason());
        }
        return InboxItem.of("hours-" + registration.id() + "-r" + now.number(), citizen.municipality(), citizen.id(),
                type, now.at(), summary, details);
    }
}
