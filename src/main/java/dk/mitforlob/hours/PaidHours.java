package dk.mitforlob.hours;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.inbox.InputType;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.paging.Page;

/**
 * Registering, correcting and withdrawing paid hours, and reading them back a month at a time.
 * Each change is checked against the registrations of its month and stored only if the month did
 * not change meanwhile; a correction to a day in another month moves the registration there
 * ({@link RegistrationMoves}). A citizen's changes are also serialised within this instance, so a
 * burst of retries from one phone does not fight itself. No read or write looks at more than the
 * months it concerns, however long the citizen's history. Every change reaches the caseworker's
 * inbox and the case system's feed.
 */
public final class PaidHours {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int MAX_ATTEMPTS = 10;
    private static final int LOCK_STRIPES = 256;

    private final HoursRepository repository;
    private final RegistrationMoves moves;
    private final Plans plans;
    private final Clock clock;
    private final int windowDays;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public PaidHours(HoursRepository repository, Plans plans, Clock clock, int windowDays) {
        this.repository = repository;
        this.moves = new RegistrationMoves(repository, clock);
        this.plans = plans;
        this.clock = clock;
        this.windowDays = windowDays;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), COPENHAGEN);
    }

    /** The service clock's instant. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Registers hours under {@code operationId}; the same operation again returns the same
     * registration. Its id names the month of its day ({@link RegistrationIds}), so a retry finds
     * it there, or finds that it moved on from there.
     */
    public Registration register(Citizen citizen, HoursInput input, String operationId) {
        HoursEntry entry = input.toEntry(false);
        YearMonth month = YearMonth.from(entry.date());
        String id = RegistrationIds.of(month, operationId);
        return locked(citizen, () -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                HoursMonth current = repository.month(citizen.id(), citizen.municipality(), month);
                if (current.find(id).isPresent() || current.hasLeft(id)) {
                    // a retry of a request that already went through finds its registration, whatever the plan now says
                    return locate(citizen, id).orElseThrow().registration();
                }
                if (attempt == 0) {
                    // a retry of a request begun before ids named their month has the operation id as its id
                    Optional<Located> firstShape = locate(citizen, operationId);
                    if (firstShape.isPresent()) {
                        return firstShape.get().registration();
                    }
                    requireActivityOfPlan(citizen, entry);
                }
                HoursMonth.Change change = current.register(id, entry, clock.instant(), today(), windowDays);
                if (repository.save(change.month(), List.of(inboxItem(citizen, change.registration())))) {
                    return change.registration();
                }
            }
            throw concurrentUpdate();
        });
    }

    public Registration correct(Citizen citizen, String registrationId, HoursInput input) {
        HoursEntry entry = input.toEntry(true);
        requireActivityOfPlan(citizen, entry);
        String reason = input.reason().strip();
        return changing(citizen, registrationId, (month, registration) -> {
            if (registration.withdrawn()) {
                throw Rejection.conflict("registration-withdrawn", "A withdrawn registration cannot be corrected");
            }
            if (registration.current().entry().equals(entry)) {
                return Optional.of(registration);
            }
            if (YearMonth.from(entry.date()).equals(month.month())) {
                return store(citizen, month.correct(registrationId, entry, reason, clock.instant(), today(),
                        windowDays));
            }
            HoursMonth.checkDate(entry.date(), today(), windowDays);
            Revision next = Revision.of(registration.revisions().size() + 1, Revision.Kind.CORRECTED, entry, reason,
                    clock.instant());
            return moves.move(month, registration, next, moved -> inboxItem(citizen, moved));
        });
    }

    public Registration withdraw(Citizen citizen, String registrationId, HoursInput.Withdrawal withdrawal) {
        withdrawal.validate();
        String reason = withdrawal.reason().strip();
        return changing(citizen, registrationId, (month, registration) ->
                store(citizen, month.withdraw(registrationId, reason, clock.instant())));
    }

    /** One registration as it now stands, wherever its date has taken it. */
    public Optional<Registration> registration(Citizen citizen, String registrationId) {
        return locate(citizen, registrationId).map(Located::registration);
    }

    /** Registrations dated within a period, newest day first, a page at a time. */
    public Page<Registration> registrations(Citizen citizen, LocalDate from, LocalDate to, boolean includeWithdrawn,
                                            Optional<String> cursor, int limit) {
        return RegistrationList.page(new MonthReader(repository, citizen), from, to, includeWithdrawn, cursor, limit);
    }

    /**
     * Every registration the citizen has (withdrawn ones and every revision included), oldest month
     * first, a few months at a time: for the citizen's export, which must not hold the history at once.
     */
    public void everyRegistration(Citizen citizen, Consumer<Registration> visitor) {
        YearMonth fromEnrollment = YearMonth.from(LocalDate.ofInstant(citizen.enrolledAt(), COPENHAGEN)
                .minusDays(windowDays));
        // hours from before the enrollment's window exist when a history was imported
        YearMonth month = repository.earliestMonth(citizen.id()).filter(fromEnrollment::isAfter).orElse(fromEnrollment);
        YearMonth last = YearMonth.from(today());
        while (!month.isAfter(last)) {
            List<YearMonth> batch = new ArrayList<>();
            for (int i = 0; i < MonthReader.MONTHS_PER_QUERY && !month.isAfter(last); i++) {
                batch.add(month);
                month = month.plusMonths(1);
            }
            new MonthReader(repository, citizen).visibleIn(batch).stream()
                    .sorted(Comparator.comparing((Registration r) -> r.current().date())
                            .thenComparing(Registration::registeredAt))
                    .forEach(visitor);
        }
    }

    /** Totals of the hours that count within a period: per ISO week, month and employer. */
    public HoursSummary summary(Citizen citizen, LocalDate from, LocalDate to) {
        return HoursSummary.of(new MonthReader(repository, citizen).visible(from, to), from, to);
    }

    /** Settles moves between months that a dying process left half done; safe on any number of instances. */
    public int settleStuckMoves() {
        return moves.settleStuck();
    }

    /** A registration and the month that holds it. */
    private record Located(HoursMonth month, Registration registration) {
    }

    /**
     * Finds a registration in the month its id names, or where its placement says it went. One
     * marked as leaving is looked for in its new month too: if it arrived there, that copy counts.
     */
    private Optional<Located> locate(Citizen citizen, String registrationId) {
        Optional<YearMonth> named = RegistrationIds.month(registrationId);
        if (named.isPresent()) {
            Optional<Located> there = locateIn(citizen, named.get(), registrationId);
            if (there.isPresent()) {
                return there;
            }
        }
        return repository.placement(registrationId)
                .filter(p -> p.citizenId().equals(citizen.id()) && !named.equals(Optional.of(p.month())))
                .flatMap(p -> locateIn(citizen, p.month(), registrationId));
    }

    private Optional<Located> locateIn(Citizen citizen, YearMonth month, String registrationId) {
        HoursMonth here = repository.month(citizen.id(), citizen.municipality(), month);
        Optional<Registration> found = here.find(registrationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HoursMonth.Move leaving = here.outgoing().get(registrationId);
        if (leaving != null) {
            HoursMonth there = repository.month(citizen.id(), citizen.municipality(), leaving.to());
            if (RegistrationMoves.arrived(there, registrationId, leaving.revision().number())) {
                return Optional.of(new Located(there, there.find(registrationId).orElseThrow()));
            }
        }
        return Optional.of(new Located(here, found.get()));
    }

    /** What a change does to the month holding the registration; empty when the month changed meanwhile. */
    @FunctionalInterface
    private interface MonthChange {
        Optional<Registration> apply(HoursMonth month, Registration registration);
    }

    private Registration changing(Citizen citizen, String registrationId, MonthChange change) {
        return locked(citizen, () -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Located located = locate(citizen, registrationId)
                        .orElseThrow(() -> HoursMonth.notFound(registrationId));
                HoursMonth.Move leaving = located.month().outgoing().get(registrationId);
                if (leaving != null) {
                    // a move still under way: finish or give it up first, unless its mover may still be at work
                    if (!moves.settle(citizen.id(), citizen.municipality(), registrationId, located.month().month(),
                            leaving.token(), leaving.to(), leaving.revision().number(), false)) {
                        throw concurrentUpdate();
                    }
                    continue;
                }
                Optional<Registration> done = change.apply(located.month(), located.registration());
                if (done.isPresent()) {
                    return done.get();
                }
            }
            throw concurrentUpdate();
        });
    }

    private Optional<Registration> store(Citizen citizen, HoursMonth.Change change) {
        if (!change.changed()) {
            return Optional.of(change.registration());
        }
        return repository.save(change.month(), List.of(inboxItem(citizen, change.registration())))
                ? Optional.of(change.registration()) : Optional.empty();
    }

    private void requireActivityOfPlan(Citizen citizen, HoursEntry entry) {
        if (entry.activityId() != null && plans.of(citizen).plan().activity(entry.activityId()).isEmpty()) {
            throw Rejection.invalid("activityId", "must be the id of an activity of your plan");
        }
    }

    private <T> T locked(Citizen citizen, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(citizen.id().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    static Rejection concurrentUpdate() {
        return Rejection.conflict("concurrent-update", "Your hours were being changed at the same moment; try again");
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
