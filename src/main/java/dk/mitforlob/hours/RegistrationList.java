package dk.mitforlob.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;

/**
 * Registrations of a ledger within a period, newest day first, a page at a time. The cursor holds
 * the sort position of the last item shown, not the item itself: a registration withdrawn or moved
 * to another day after the page was read does not cut the list short.
 */
final class RegistrationList {

    /** Where a registration stands in the list. */
    private record Position(LocalDate date, Instant registeredAt, String id) {
        static Position of(Registration registration) {
            return new Position(registration.current().date(), registration.registeredAt(), registration.id());
        }
    }

    private static final Comparator<Position> NEWEST_FIRST = Comparator
            .comparing(Position::date).reversed()
            .thenComparing(Position::registeredAt, Comparator.reverseOrder())
            .thenComparing(Position::id);

    private RegistrationList() {
    }

    static Page<RegistrationView> page(HoursLedger ledger, LocalDate from, LocalDate to, boolean includeWithdrawn,
                                       Optional<String> cursor, int limit, boolean withRevisions) {
        Optional<Position> after = cursor.map(RegistrationList::position);
        List<Registration> fetched = ledger.registrations().stream()
                .filter(r -> includeWithdrawn || !r.withdrawn())
                .filter(r -> !r.current().date().isBefore(from) && !r.current().date().isAfter(to))
                .filter(r -> after.isEmpty() || NEWEST_FIRST.compare(Position.of(r), after.get()) > 0)
                .sorted(Comparator.comparing(Position::of, NEWEST_FIRST))
                .limit(limit + 1L)
                .toList();
        return Page.fromFetched(fetched, limit, r -> PageCursor.of("hours", r.current().date().toString(),
                        r.registeredAt().toString(), r.id()))
                .map(r -> RegistrationView.of(r, withRevisions));
    }

    private static Position position(String cursor) {
        PageCursor decoded = PageCursor.decode(cursor, "hours", 3);
        try {
            return new Position(LocalDate.parse(decoded.value(0)), Instant.parse(decoded.value(1)), decoded.value(2));
        } catch (DateTimeParseException e) {
            throw Rejection.badRequest("invalid-cursor", "The cursor was not issued for this list")
                    .withErrors(List.of(new FieldError("cursor", "was not issued for this list")));
        }
    }
}
