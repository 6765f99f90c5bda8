package dk.mitforlob.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;

/**
 * A citizen's registrations within a period, newest day first, a page at a time. The cursor holds
 * the sort position of the last item shown, not the item itself: a registration withdrawn or moved
 * to another day after the page was read does not cut the list short. Months are read newest first
 * a few at a time, and reading stops as soon as the page is full: every registration of an older
 * month sorts after every one of a newer month, so the cost is that of the page, not of the history.
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

    static Page<Registration> page(MonthReader months, LocalDate from, LocalDate to, boolean includeWithdrawn,
                                   Optional<String> cursor, int limit) {
        Optional<Position> after = cursor.map(RegistrationList::position);
        LocalDate newest = after.map(Position::date).filter(d -> d.isBefore(to)).orElse(to);
        List<Registration> found = new ArrayList<>();
        YearMonth month = YearMonth.from(newest);
        YearMonth oldest = YearMonth.from(from);
        while (!month.isBefore(oldest) && found.size() <= limit) {
            List<YearMonth> batch = new ArrayList<>();
            for (int i = 0; i < MonthReader.MONTHS_PER_QUERY && !month.isBefore(oldest); i++) {
                batch.add(month);
                month = month.minusMonths(1);
            }
            months.visibleIn(batch).stream()
                    .filter(r -> includeWithdrawn || !r.withdrawn())
                    .filter(r -> !r.current().date().isBefore(from) && !r.current().date().isAfter(to))
                    .filter(r -> after.isEmpty() || NEWEST_FIRST.compare(Position.of(r), after.get()) > 0)
                    .forEach(found::add);
        }
        List<Registration> fetched = found.stream()
                .sorted(Comparator.comparing(Position::of, NEWEST_FIRST))
                .limit(limit + 1L)
                .toList();
        return Page.fromFetched(fetched, limit, r -> PageCursor.of("hours", r.current().date().toString(),
                r.registeredAt().toString(), r.id()));
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
