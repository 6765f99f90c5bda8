package dk.mitforlob.hours;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period the paid-hours outcome may be asked for: one calendar month, quarter or year. Periods
 * form a fixed hierarchy (months in quarters in years) so that every period is a sum of months
 * that no other period cuts across; the suppression can then see every relation an evaluator could
 * subtract along ({@link dk.mitforlob.evaluation.LinearSuppression}).
 */
public record OutcomePeriod(Level level, YearMonth first, YearMonth last) {

    public enum Level {
        MONTH(1), QUARTER(3), YEAR(12);

        final int months;

        Level(int months) {
            this.months = months;
        }
    }

    /** The period from {@code from} to {@code to}, or empty when they are not exactly a month, a quarter or a year. */
    public static Optional<OutcomePeriod> of(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            return Optional.empty();
        }
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        for (Level level : Level.values()) {
            if ((first.getMonthValue() - 1) % level.months == 0 && first.plusMonths(level.months - 1L).equals(last)) {
                return Optional.of(new OutcomePeriod(level, first, last));
            }
        }
        return Optional.empty();
    }

    public static OutcomePeriod month(YearMonth month) {
        return new OutcomePeriod(Level.MONTH, month, month);
    }

    /** Whether {@code from} can start a period: the first day of a month. */
    public static boolean startsAPeriod(LocalDate from) {
        return from.getDayOfMonth() == 1;
    }

    public LocalDate from() {
        return first.atDay(1);
    }

    public LocalDate to() {
        return last.atEndOfMonth();
    }

    public int year() {
        return first.getYear();
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The periods one level down that make it up: a quarter's months, a year's quarters; none for a month. */
    public List<OutcomePeriod> children() {
        List<OutcomePeriod> children = new ArrayList<>();
        if (level == Level.QUARTER) {
            months().forEach(m -> children.add(month(m)));
        } else if (level == Level.YEAR) {
            for (int q = 0; q < 4; q++) {
                YearMonth start = first.plusMonths(3L * q);
                children.add(new OutcomePeriod(Level.QUARTER, start, start.plusMonths(2)));
            }
        }
        return children;
    }

    /** Every period of {@code year} that has ended by the end of {@code lastEnded}, in the order they end. */
    public static List<OutcomePeriod> endedIn(int year, YearMonth lastEnded) {
        List<OutcomePeriod> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.isAfter(lastEnded)) {
                break;
            }
            periods.add(month(month));
            if (m % 3 == 0) {
                periods.add(new OutcomePeriod(Level.QUARTER, month.minusMonths(2), month));
            }
            if (m == 12) {
                periods.add(new OutcomePeriod(Level.YEAR, YearMonth.of(year, 1), month));
            }
        }
        return periods;
    }
}
