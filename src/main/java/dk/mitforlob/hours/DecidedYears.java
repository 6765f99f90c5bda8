package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A year's decided figures, kept while the figures they were decided from stay the same. Deciding
 * a year (every period, grouping and relation checked against every other) costs about a second
 * over 10,000 citizens, while reading the roll-ups it starts from costs milliseconds; evaluators
 * asking one year's periods in turn, or many at once, would otherwise each decide it again and
 * starve the service of CPU. The inputs themselves are the key: any enrollment or hour that
 * changes them decides the year anew, so an answer is never older than the data.
 */
final class DecidedYears {

    private record Decided(List<HoursEvaluation.Member> members, List<HoursRepository.CitizenMonth> hours,
                           OutcomeCube cube) {
    }

    private final Map<YearMonth, Decided> byMonth = new ConcurrentHashMap<>();

    /** The year's figures as released up to {@code upTo}; decided at most once at a time per month. */
    OutcomeCube of(YearMonth upTo, List<HoursEvaluation.Member> members, List<HoursRepository.CitizenMonth> hours) {
        // earlier releases of the same year are not asked for again once a later month has ended
        byMonth.keySet().removeIf(month -> month.getYear() == upTo.getYear() && month.isBefore(upTo));
        return byMonth.compute(upTo, (month, known) ->
                known != null && known.members().equals(members) && known.hours().equals(hours)
                        ? known
                        : new Decided(members, hours, OutcomeCube.of(upTo.getYear(), upTo, members, hours)))
                .cube();
    }
}
