package dk.mitforlob.hours;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.mitforlob.citizen.Citizen;

/**
 * Reads a citizen's registrations month by month, as a reader must see them while registrations
 * may be moving between months ({@link RegistrationMoves}): a copy marked as leaving is shown
 * unless it has arrived in its new month, so every registration is seen exactly once.
 */
final class MonthReader {

    /** Months fetched in one query: enough for a page of 50 at a few registrations a week. */
    static final int MONTHS_PER_QUERY = 4;

    private final HoursRepository repository;
    private final Citizen citizen;
    private final Map<YearMonth, HoursMonth> loaded = new HashMap<>();

    MonthReader(HoursRepository repository, Citizen citizen) {
        this.repository = repository;
        this.citizen = citizen;
    }

    /** The registrations that count as being in these months (current date in them), withdrawn ones included. */
    List<Registration> visibleIn(List<YearMonth> months) {
        load(months);
        List<Registration> visible = new ArrayList<>();
        for (YearMonth month : months) {
            HoursMonth here = loaded.get(month);
            for (Registration registration : here.registrations()) {
                HoursMonth.Move leaving = here.outgoing().get(registration.id());
                if (leaving == null || !arrivedAt(leaving, registration.id())) {
                    visible.add(registration);
                }
            }
        }
        return visible;
    }

    /** The visible registrations dated from {@code from} to {@code to}, withdrawn ones included. */
    List<Registration> visible(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Registration> visible = new ArrayList<>();
        for (int i = 0; i < months.size(); i += 12) {
            visibleIn(months.subList(i, Math.min(months.size(), i + 12))).stream()
                    .filter(r -> !r.current().date().isBefore(from) && !r.current().date().isAfter(to))
                    .forEach(visible::add);
        }
        return visible;
    }

    private boolean arrivedAt(HoursMonth.Move move, String registrationId) {
        load(List.of(move.to()));
        return RegistrationMoves.arrived(loaded.get(move.to()), registrationId, move.revision().number());
    }

    private void load(List<YearMonth> months) {
        List<YearMonth> missing = months.stream().filter(m -> !loaded.containsKey(m)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        for (HoursMonth month : repository.months(citizen.id(), citizen.municipality(), missing)) {
            loaded.put(month.month(), month);
        }
        missing.forEach(m -> loaded.computeIfAbsent(m, k -> HoursMonth.empty(citizen.id(), citizen.municipality(), k)));
    }
}
