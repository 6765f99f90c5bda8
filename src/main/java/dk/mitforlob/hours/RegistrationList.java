package dk.mitforlob.hours;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;

/** Registrations of a ledger within a period, newest day first, a page at a time. */
final class RegistrationList {

    private static final Comparator<Registration> NEWEST_FIRST = Comparator
            .comparing((Registration r) -> r.current().date()).reversed()
            .thenComparing(Registration::registeredAt, Comparator.reverseOrder())
            .thenComparing(Registration::id);

    private RegistrationList() {
    }

    static Page<RegistrationView> page(HoursLedger ledger, LocalDate from, LocalDate to, boolean includeWithdrawn,
                                       Optional<String> cursor, int limit, boolean withRevisions) {
        Optional<PageCursor> after = cursor.map(c -> PageCursor.decode(c, "hours", 2));
        List<Registration> matching = ledger.registrations().stream()
                .filter(r -> includeWithdrawn || !r.withdrawn())
                .filter(r -> !r.current().date().isBefore(from) && !r.current().date().isAfter(to))
                .sorted(NEWEST_FIRST)
                .toList();
        int start = 0;
        if (after.isPresent()) {
            String afterId = after.get().value(1);
            start = matching.size();
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(afterId)) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<Registration> fetched = matching.subList(start, Math.min(matching.size(), start + limit + 1));
        return Page.fromFetched(fetched, limit,
                r -> PageCursor.of("hours", r.current().date().toString(), r.id()))
                .map(r -> RegistrationView.of(r, withRevisions));
    }
}
