package dk.mitforlob.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dk.mitforlob.inbox.InboxItem;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.ids.Ids;

/**
 * Moving a registration to another month: a correction that changes its date to a day of another
 * month takes it out of one document (A, its old month) and into another (B, its new month).
 * Without multi-document transactions the two writes cannot be one, so the move is a protocol in
 * which every state is safe to read and every state a crash can leave behind is found and
 * settled by whoever comes next. With t a fresh token and n the revision it moves with:
 *
 * <ol>
 * <li>Record the move (t, A, B, n) in the moves collection. <i>Crash after:</i> a record whose
 *     registration carries no mark; whoever settles it just ends it.</li>
 * <li>A: mark the registration as leaving for B with t and revision n (compare-and-set on A's
 *     version). It still counts in A for the day rule and the totals, and readers still show it
 *     there. <i>Crash after:</i> the mark is found by the sweep (records older than {@link #GRACE})
 *     or by the next change of the registration; not arrived in B, so the move is given up (below).</li>
 * <li>B: add the registration with revision n, checking the day rule in B, together with the inbox
 *     item of the correction (compare-and-set on B's version). <b>This is the commit point</b>: from
 *     now on the registration is in B; a reader who meets the mark in A looks in B, finds it at
 *     revision n or later, and skips A's copy. Refused by the day rule: A's mark is taken back, the
 *     record ended, and the citizen gets the 422. Refused because B has given t up: 409.
 *     <i>Crash after:</i> readers already see the new state; the sweep finishes 4–6.</li>
 * <li>Placement → B (only ever forward in revision). <i>Crash before:</i> a lookup by id lands in
 *     A (the month its id names, or its old placement), meets the mark, and follows it to B.</li>
 * <li>A: remove the registration, only if still marked with t, and remember that it left (so a
 *     retried registration is not made again there). <i>Crash before:</i> A's total still counts it,
 *     so an evaluators' table may count it twice until the sweep finishes the move.</li>
 * <li>End the record.</li>
 * </ol>
 *
 * Giving up a move whose mark is older than the grace and whose registration has not arrived: B
 * first remembers t as abandoned (compare-and-set, so if the registration arrived meanwhile the
 * move is finished instead), then A takes the mark back, then the record is ended. A mover that
 * was merely slow cannot arrive after that: step 3 refuses a token its month has abandoned. Each
 * step is idempotent and conditional on the token or the revision, so the mover, the sweep and a
 * concurrent request can all run them without doing anything twice.
 */
final class RegistrationMoves {

    /** How long a move may be under way before others may settle it; requests take milliseconds. */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 10;

    private final HoursRepository repository;
    private final Clock clock;

    RegistrationMoves(HoursRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Moves {@code registration} from {@code from} to the month of {@code next}; returns it as it
     * arrived, or empty when {@code from} changed since it was read (read it again and retry).
     */
    Optional<Registration> move(HoursMonth from, Registration registration, Revision next,
                                Function<Registration, InboxItem> inboxItem) {
        YearMonth to = YearMonth.from(next.date());
        Instant now = clock.instant();
        HoursMonth.Move move = new HoursMonth.Move(Ids.newId(), to, next, now);
        repository.moveBegun(new HoursRepository.MoveRecord(move.token(), from.citizenId(), from.municipality(),
                registration.id(), from.month(), to, next.number(), now));
        if (!repository.save(from.markLeaving(registration.id(), move).month(), List.of())) {
            repository.moveEnded(move.token());
            return Optional.empty();
        }
        Registration moved = registration.with(next);
        try {
            arrive(from, moved, move.token(), inboxItem);
        } catch (Rejection refused) {
            stayAfterAll(from, registration.id(), move.token());
            repository.moveEnded(move.token());
            throw refused;
        }
        finish(from.citizenId(), from.municipality(), registration.id(), from.month(), move.token(), to,
                next.number());
        return Optional.of(moved);
    }

    private void arrive(HoursMonth from, Registration moved, String token, Function<Registration, InboxItem> item) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            HoursMonth there = repository.month(from.citizenId(), from.municipality(),
                    YearMonth.from(moved.current().date()));
            HoursMonth.Change arrived = there.arrive(moved, token);
            if (!arrived.changed() || repository.save(arrived.month(), List.of(item.apply(moved)))) {
                return;
            }
        }
        throw PaidHours.concurrentUpdate();
    }

    /** Steps 4–6: the registration is in its new month; point there and clear out of the old one. */
    private void finish(String citizenId, String municipality, String registrationId, YearMonth from, String token,
                        YearMonth to, int revision) {
        repository.replace(citizenId, registrationId, to, revision);
        untilStored(citizenId, municipality, from, month -> month.departed(registrationId, token));
        repository.moveEnded(token);
    }

    private void stayAfterAll(HoursMonth from, String registrationId, String token) {
        untilStored(from.citizenId(), from.municipality(), from.month(),
                month -> month.stayAfterAll(registrationId, token));
    }

    /**
     * Settles the move of {@code registrationId} out of {@code from} with {@code token}: finishes it
     * when the registration has arrived, gives it up when it has not. A move younger than the grace
     * is left to its mover unless {@code evenIfRecent}.
     *
     * @return true when nothing is left under way
     */
    boolean settle(String citizenId, String municipality, String registrationId, YearMonth from, String token,
                   YearMonth to, int revision, boolean evenIfRecent) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            HoursMonth source = repository.month(citizenId, municipality, from);
            HoursMonth.Move mark = source.outgoing().get(registrationId);
            boolean marked = mark != null && mark.token().equals(token);
            HoursMonth target = repository.month(citizenId, municipality, to);
            if (arrived(target, registrationId, revision)) {
                finish(citizenId, municipality, registrationId, from, token, to, revision);
                return true;
            }
            if (!marked) {
                repository.moveEnded(token);
                return true;
            }
            if (!evenIfRecent && mark.since().plus(GRACE).isAfter(clock.instant())) {
                return false;
            }
            HoursMonth.Change abandoned = target.abandon(token);
            if (abandoned.changed() && !repository.save(abandoned.month(), List.of())) {
                continue;
            }
            untilStored(citizenId, municipality, from, month -> month.stayAfterAll(registrationId, token));
            repository.moveEnded(token);
            return true;
        }
        throw PaidHours.concurrentUpdate();
    }

    /** Whether {@code month} holds the registration at {@code revision} or later. */
    static boolean arrived(HoursMonth month, String registrationId, int revision) {
        Optional<Registration> there = month.find(registrationId);
        return there.isPresent() && there.get().current().number() >= revision;
    }

    /** Settles moves that have been under way longer than the grace: those a dying process left behind. */
    int settleStuck() {
        int settled = 0;
        for (HoursRepository.MoveRecord move : repository.movesBegunBefore(clock.instant().minus(GRACE), 100)) {
            if (settle(move.citizenId(), move.municipality(), move.registrationId(), move.from(), move.token(),
                    move.to(), move.revision(), true)) {
                settled++;
            }
        }
        return settled;
    }

    private void untilStored(String citizenId, String municipality, YearMonth month,
                             Function<HoursMonth, HoursMonth.Change> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            HoursMonth.Change result = change.apply(repository.month(citizenId, municipality, month));
            if (!result.changed() || repository.save(result.month(), List.of())) {
                return;
            }
        }
        throw PaidHours.concurrentUpdate();
    }
}
