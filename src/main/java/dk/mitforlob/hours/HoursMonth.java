package dk.mitforlob.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;

/**
 * One citizen's paid-hours registrations dated in one calendar month, and the rules that hold
 * across them: no day in the future, none older than the window, never more than 24 hours on one
 * day. Every registration of a day sits in that day's month, so the day rule is checked inside
 * one document however long the citizen's history is. Every change returns a new month one
 * version higher; the store keeps it only if nobody changed the month in between.
 *
 * @param outgoing  registrations being moved to another month, by registration id (see {@link RegistrationMoves});
 *                  they still count here until the move has arrived
 * @param abandoned tokens of moves into this month that were given up, newest last, so a mover
 *                  that was presumed dead cannot arrive after all
 * @param left      ids of registrations that moved out of this month: a retried registration that
 *                  was made here and moved since must be found, not made again
 */
public record HoursMonth(String citizenId, String municipality, YearMonth month, long version,
                         List<Registration> registrations, Map<String, Move> outgoing, List<String> abandoned,
                         List<String> left) {

    /** The most revisions a registration has: the registration, its corrections and a withdrawal. */
    public static final int MAX_REVISIONS = 100;

    /** How many abandoned move tokens a month remembers; moves are given up only after minutes of silence. */
    static final int ABANDONED_KEPT = 20;

    public HoursMonth {
        registrations = List.copyOf(registrations);
        outgoing = Map.copyOf(outgoing);
        abandoned = List.copyOf(abandoned);
        left = List.copyOf(left);
    }

    public static HoursMonth empty(String citizenId, String municipality, YearMonth month) {
        return new HoursMonth(citizenId, municipality, month, 0, List.of(), Map.of(), List.of(), List.of());
    }

    /** A month as first written, at version 1: registrations moved in from elsewhere (an import, a migration). */
    public static HoursMonth imported(String citizenId, String municipality, YearMonth month,
                                      List<Registration> registrations) {
        return new HoursMonth(citizenId, municipality, month, 1, registrations, Map.of(), List.of(), List.of());
    }

    /** Whether the registration was here once and moved to another month. */
    public boolean hasLeft(String id) {
        return left.contains(id);
    }

    /** A registration on its way to {@code to}, where it arrives with {@code revision} as its newest. */
    public record Move(String token, YearMonth to, Revision revision, Instant since) {
    }

    /** The outcome of a change: the month as it now is, the registration concerned, and whether anything changed. */
    public record Change(HoursMonth month, Registration registration, boolean changed) {
    }

    public Optional<Registration> find(String id) {
        return registrations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Quarters counted in this month, registrations on their way out included: the figure evaluators get. */
    public int countedQuarters() {
        return registrations.stream().mapToInt(Registration::countedQuarters).sum();
    }

    /** Quarters counted on {@code date}, leaving one registration out (the one being corrected or replaced). */
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
            return new Change(this, earlier.get(), false);
        }
        requireInMonth(entry.date());
        checkDate(entry.date(), today, windowDays);
        checkDay(entry, null);
        Registration registration = new Registration(id, List.of(Revision.of(1, Revision.Kind.REGISTERED, entry, null,
                now)));
        List<Registration> next = new ArrayList<>(registrations);
        next.add(registration);
        return new Change(with(next, outgoing, abandoned), registration, true);
    }

    /** A correction that keeps the registration in this month: a new revision; the same values again change nothing. */
    public Change correct(String id, HoursEntry entry, String reason, Instant now, LocalDate today, int windowDays) {
        Registration registration = existing(id);
        if (registration.withdrawn()) {
            throw Rejection.conflict("registration-withdrawn", "A withdrawn registration cannot be corrected");
        }
        if (registration.current().entry().equals(entry)) {
            return new Change(this, registration, false);
        }
        if (registration.revisions().size() >= MAX_REVISIONS - 1) {
            // one revision is kept free for a withdrawal; a registration never grows without bound
            throw Rejection.unprocessable("limit-reached", "A registration can be corrected at most "
                    + (MAX_REVISIONS - 2) + " times; withdraw it and register anew");
        }
        requireInMonth(entry.date());
        checkDate(entry.date(), today, windowDays);
        checkDay(entry, id);
        return replace(registration.with(Revision.of(registration.revisions().size() + 1, Revision.Kind.CORRECTED,
                entry, reason, now)), outgoing);
    }

    /** Withdraws a registration; it stops counting but stays, with its history. Withdrawing again changes nothing. */
    public Change withdraw(String id, String reason, Instant now) {
        Registration registration = existing(id);
        if (registration.withdrawn()) {
            return new Change(this, registration, false);
        }
        return replace(registration.with(Revision.of(registration.revisions().size() + 1, Revision.Kind.WITHDRAWN,
                registration.current().entry(), reason, now)), outgoing);
    }

    /** Marks a registration as leaving for another month; it keeps counting here until it has arrived there. */
    Change markLeaving(String id, Move move) {
        Registration registration = existing(id);
        Map<String, Move> next = new LinkedHashMap<>(outgoing);
        next.put(id, move);
        return new Change(with(registrations, next, abandoned), registration, true);
    }

    /** Takes back a move that did not arrive; the registration stays here as it was. */
    Change stayAfterAll(String id, String token) {
        Move move = outgoing.get(id);
        Registration registration = existing(id);
        if (move == null || !move.token().equals(token)) {
            return new Change(this, registration, false);
        }
        Map<String, Move> next = new LinkedHashMap<>(outgoing);
        next.remove(id);
        return new Change(with(registrations, next, abandoned), registration, true);
    }

    /**
     * Takes in a registration moved from another month, as its new revision. A copy of it left
     * here by an older move it has since outgrown is replaced. Refused with the day rule like any
     * correction, and refused as {@code concurrent-update} once the move was given up.
     */
    Change arrive(Registration moved, String token) {
        if (abandoned.contains(token)) {
            throw Rejection.conflict("concurrent-update", "Your hours were being changed at the same moment; try again");
        }
        Optional<Registration> here = find(moved.id());
        if (here.isPresent() && here.get().current().number() >= moved.current().number()) {
            return new Change(this, here.get(), false);
        }
        requireInMonth(moved.current().date());
        checkDay(moved.current().entry(), moved.id());
        List<Registration> next = new ArrayList<>(registrations);
        next.removeIf(r -> r.id().equals(moved.id()));
        next.add(moved);
        Map<String, Move> stillLeaving = new LinkedHashMap<>(outgoing);
        stillLeaving.remove(moved.id());
        List<String> back = new ArrayList<>(left);
        back.remove(moved.id());
        return new Change(new HoursMonth(citizenId, municipality, month, version + 1, next, stillLeaving, abandoned,
                back), moved, true);
    }

    /** Removes a registration whose move with {@code token} has arrived in its new month. */
    Change departed(String id, String token) {
        Move move = outgoing.get(id);
        Optional<Registration> registration = find(id);
        if (move == null || !move.token().equals(token) || registration.isEmpty()) {
            return new Change(this, registration.orElse(null), false);
        }
        List<Registration> next = new ArrayList<>(registrations);
        next.removeIf(r -> r.id().equals(id));
        Map<String, Move> stillLeaving = new LinkedHashMap<>(outgoing);
        stillLeaving.remove(id);
        List<String> gone = new ArrayList<>(left);
        gone.add(id);
        return new Change(new HoursMonth(citizenId, municipality, month, version + 1, next, stillLeaving, abandoned,
                gone), registration.get(), true);
    }

    /** Remembers that the move with {@code token} was given up, so it can no longer arrive here. */
    Change abandon(String token) {
        if (abandoned.contains(token)) {
            return new Change(this, null, false);
        }
        List<String> next = new ArrayList<>(abandoned);
        next.add(token);
        while (next.size() > ABANDONED_KEPT) {
            next.removeFirst();
        }
        return new Change(with(registrations, outgoing, next), null, true);
    }

    private Change replace(Registration updated, Map<String, Move> nextOutgoing) {
        List<Registration> next = new ArrayList<>(registrations);
        next.replaceAll(r -> r.id().equals(updated.id()) ? updated : r);
        return new Change(with(next, nextOutgoing, abandoned), updated, true);
    }

    private HoursMonth with(List<Registration> nextRegistrations, Map<String, Move> nextOutgoing,
                            List<String> nextAbandoned) {
        return new HoursMonth(citizenId, municipality, month, version + 1, nextRegistrations, nextOutgoing,
                nextAbandoned, left);
    }

    Registration existing(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    static Rejection notFound(String id) {
        return Rejection.notFound("registration-not-found", "You have no registration of paid hours with id " + id);
    }

    private void requireInMonth(LocalDate date) {
        if (!YearMonth.from(date).equals(month)) {
            throw new IllegalArgumentException(date + " is not in " + month);
        }
    }

    /** The rules on the day itself: not in the future, not older than the window. */
    static void checkDate(LocalDate date, LocalDate today, int windowDays) {
        if (date.isAfter(today)) {
            throw rule("date-in-future", "date", "Hours cannot be registered for a day that has not come yet");
        }
        if (date.isBefore(today.minusDays(windowDays))) {
            throw rule("date-too-old", "date", "Hours can be registered for the last " + windowDays
                    + " days only; talk to your caseworker about older hours");
        }
    }

    private void checkDay(HoursEntry entry, String exceptId) {
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
