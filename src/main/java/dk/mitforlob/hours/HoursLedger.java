package dk.mitforlob.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * All paid-hours registrations of one citizen, and the rules that hold across them: no day in the
 * future, none older than the window, and never more than 24 hours on one day. Every change returns
 * a new ledger; the store keeps it only if nobody changed the ledger in between (the version).
 */
public record HoursLedger(String citizenId, String municipality, long version, List<Registration> registrations) {

    /** The most revisions a registration has: the registration, its corrections and a withdrawal. */
    public static final int MAX_REVISIONS = 100;

    public HoursLedger {
        registrations = List.copyOf(registrations);
    }

    public static HoursLedger empty(String citizenId, String municipality) {
        return new HoursLedger(citizenId, municipality, 0, List.of());
    }

    /** The outcome of a change: the registration as it now is, where it sits, and whether anything changed. */
    public record Change(HoursLedger ledger, Registration registration, int index, boolean changed) {
    }

    public Optional<Registration> find(String id) {
        return registrations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Quarters counted on {@code date}, leaving one registration out (the one being corrected). */
    int quartersOn(LocalDate date, String exceptId) {
        return registrations.stream()
                .filter(r -> !r.withdrawn() && !r.id().equals(exceptId) && r.current().date().equals(date))
                .mapToInt(Registration::countedQuarters)
                .sum();
    }

    /** Registers new hours. Registering an id that is already here returns it unchanged (a retried request). */
    public Change register(String id, HoursEntry entry, Instant now, LocalDate today, int windowDays) {
        Optional<Registration> earlier = find(id);
        if (earlier.isPresent()) {
            return new Change(this, earlier.get(), registrations.indexOf(earlier.get()), false);
        }
        checkRules(entry, null, today, windowDays);
        Registration registration = new Registration(id, List.of(Revision.of(1, Revision.Kind.REGISTERED, entry, null, now)));
        List<Registration> next = new ArrayList<>(registrations);
        next.add(registration);
        return new Change(new HoursLedger(citizenId, municipality, version + 1, next), registration, next.size() - 1, true);
    }

    /** Corrects a registration with a new revision; the same values again change nothing. */
    public Change correct(String id, HoursEntry entry, String reason, Instant now, LocalDate today, int windowDays) {
        Registration registration = existing(id);
        if (registration.withdrawn()) {
            throw Rejection.conflict("registration-withdrawn", "A withdrawn registration cannot be corrected");
        }
        if (registration.current().entry().equals(entry)) {
            return new Change(this, registration, registrations.indexOf(registration), false);
        }
        if (registration.revisions().size() >= MAX_REVISIONS - 1) {
            // one revision is kept free for a withdrawal; a registration never grows without bound
            throw Rejection.unprocessable("limit-reached", "A registration can be corrected at most "
                    + (MAX_REVISIONS - 2) + " times; withdraw it and register anew");
        }
        checkRules(entry, id, today, windowDays);
        return replace(registration, registration.with(Revision.of(registration.revisions().size() + 1,
                Revision.Kind.CORRECTED, entry, reason, now)));
    }

    /** Withdraws a registration; it stops counting but stays, with its history. Withdrawing again changes nothing. */
    public Change withdraw(String id, String reason, Instant now) {
        Registration registration = existing(id);
        if (registration.withdrawn()) {
            return new Change(this, registration, registrations.indexOf(registration), false);
        }
        return replace(registration, registration.with(Revision.of(registration.revisions().size() + 1,
                Revision.Kind.WITHDRAWN, registration.current().entry(), reason, now)));
    }

    private Change replace(Registration old, Registration updated) {
        int index = registrations.indexOf(old);
        List<Registration> next = new ArrayList<>(registrations);
        next.set(index, updated);
        return new Change(new HoursLedger(citizenId, municipality, version + 1, next), updated, index, true);
    }

    private Registration existing(String id) {
        return find(id).orElseThrow(() -> Rejection.notFound("registration-not-found",
                "You have no registration of paid hours with id " + id));
    }

    private void checkRules(HoursEntry entry, String exceptId, LocalDate today, int windowDays) {
        if (entry.date().isAfter(today)) {
            throw rule("date-in-future", "date", "Hours cannot be registered for a day that has not come yet");
        }
        if (entry.date().isBefore(today.minusDays(windowDays))) {
            throw rule("date-too-old", "date", "Hours can be registered for the last " + windowDays
                    + " days only; talk to your caseworker about older hours");
        }
        int already = quartersOn(entry.date(), exceptId);
        if (already + entry.quarters() > Hours.QUARTERS_PER_DAY) {
            throw rule("day-total-exceeded", "hours", "A day has at most 24 hours; " + Hours.hours(already).toPlainString()
                    + " are already registered on " + entry.date());
        }
    }

    private static Rejection rule(String code, String field, String detail) {
        return Rejection.unprocessable(code, detail).withErrors(List.of(new FieldError(field, detail)));
    }
}
