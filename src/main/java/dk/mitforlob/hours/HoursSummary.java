package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Totals of the hours that count within a period: per ISO week, per month and per employer. */
public record HoursSummary(LocalDate from, LocalDate to, BigDecimal totalHours, List<Period> weeks,
                           List<Period> months, List<EmployerTotal> employers) {

    public record Period(String period, BigDecimal hours) {
    }

    public record EmployerTotal(String name, String cvr, BigDecimal hours) {
    }

    public static HoursSummary of(List<Registration> registrations, LocalDate from, LocalDate to) {
        Map<String, Long> weeks = new TreeMap<>();
        Map<String, Long> months = new TreeMap<>();
        Map<String, long[]> employers = new TreeMap<>();
        Map<String, Employer> employerNames = new TreeMap<>();
        long total = 0;
        for (Registration registration : registrations) {
            Revision current = registration.current();
            if (registration.withdrawn() || current.date().isBefore(from) || current.date().isAfter(to)) {
                continue;
            }
            total += current.quarters();
            weeks.merge(current.isoWeek(), (long) current.quarters(), Long::sum);
            months.merge(current.month(), (long) current.quarters(), Long::sum);
            // one employer per CVR; without a CVR, per name whatever its letter case
            String key = current.employer().cvr() != null ? current.employer().cvr()
                    : current.employer().name().toLowerCase(Locale.ROOT);
            employers.computeIfAbsent(key, k -> new long[1])[0] += current.quarters();
            employerNames.putIfAbsent(key, current.employer());
        }
        List<EmployerTotal> byEmployer = new ArrayList<>();
        employers.forEach((key, quarters) -> byEmployer.add(new EmployerTotal(employerNames.get(key).name(),
                employerNames.get(key).cvr(), Hours.hours(quarters[0]))));
        byEmployer.sort((a, b) -> b.hours().compareTo(a.hours()));
        return new HoursSummary(from, to, Hours.hours(total), periods(weeks), periods(months), byEmployer);
    }

    private static List<Period> periods(Map<String, Long> quarters) {
        return quarters.entrySet().stream().map(e -> new Period(e.getKey(), Hours.hours(e.getValue()))).toList();
    }
}
