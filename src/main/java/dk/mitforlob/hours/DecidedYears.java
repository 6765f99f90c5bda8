package dk.mitforlob.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A year's decided figures, kept while the figures they were decided from stay the same. Deciding
 * a year (every period, grouping and relation checked against every other) costs 0.2 s over
 * 10,000 citizens (1 s on a cold JVM), and even reading the roll-ups it starts from and comparing
 * them with the last ones costs tens of milliseconds; evaluators asking one year's periods in turn, or many at
 * once, would otherwise each pay it and starve the service. So the inputs are read again at most
 * every {@link #RECHECK} (an answer is at most that much older than the data), and only inputs
 * that changed decide the year anew.
 */
final class DecidedYears {

    /** How long decided figures are given out before their inputs are read and compared again. */
    static final Duration RECHECK = Duration.ofSeconds(30);

    /** What a year's figures are decided from. */
    record Inputs(List<HoursEvaluation.Member> members, List<HoursRepository.CitizenMonth> hours) {
    }

    private record Decided(Inputs inputs, OutcomeCube cube, Instant checkedAt) {
    }

    private final Map<YearMonth, Decided> byMonth = new ConcurrentHashMap<>();

    /**
     * The year's figures as released up to {@code upTo}: the ones decided last when they were checked
     * less than {@link #RECHECK} before {@code now}, otherwise from {@code inputs}, decided anew only
     * when those changed (at most once at a time per month).
     */
    OutcomeCube of(YearMonth upTo, Instant now, Supplier<Inputs> inputs) {
        // earlier releases of the same year are not asked for again once a later month has ended
        byMonth.keySet().removeIf(month -> month.getYear() == upTo.getYear() && month.isBefore(upTo));
        Decided known = byMonth.get(upTo);
        if (known != null && now.isBefore(known.checkedAt().plus(RECHECK))) {
            return known.cube();
        }
        Inputs current = inputs.get();
        return byMonth.compute(upTo, (month, last) -> last != null && last.inputs().equals(current)
                        ? new Decided(last.inputs(), last.cube(), now)
                        : new Decided(current, OutcomeCube.of(upTo.getYear(), upTo, current.members(), current.hours()),
                                now))
                .cube();
    }
}
