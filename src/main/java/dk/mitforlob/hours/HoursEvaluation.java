package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.json.Codes;

/**
 * The programme outcome the evaluators study: per group (month, municipality or programme) how
 * many citizens are in the programme, how many had paid hours and their share, the total and the
 * median hours of those who had any. Every figure of every period and grouping of the year is
 * decided at once ({@link OutcomeCube}), so a figure hidden in one answer cannot be worked out by
 * subtracting other answers: figures resting on fewer than five citizens are hidden, and enough
 * others with them ({@link OutcomeRelations}).
 */
public final class HoursEvaluation {

    public enum GroupBy implements Codes.Coded {
        MONTH("month"), MUNICIPALITY("municipality"), PROGRAMME("programme");

        private final String code;

        GroupBy(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public static Optional<GroupBy> fromCode(String code) {
            return Codes.find(GroupBy.class, code);
        }
    }

    /** An enrolled citizen as the evaluation counts them. */
    public record Member(String citizenId, String municipality, Programme programme, LocalDate enrolledOn) {
    }

    /** One group's figures; hidden ones are empty and named in {@code suppressed}. */
    public record Figures(Optional<Long> citizensInProgramme, Optional<Long> citizensWithHours,
                          Optional<BigDecimal> shareWithHours, Optional<BigDecimal> totalHours,
                          Optional<BigDecimal> medianHours, List<String> suppressed) {
    }

    public record Group(String group, @JsonUnwrapped Figures figures) {
    }

    public record Result(LocalDate from, LocalDate to, GroupBy groupBy, List<Group> groups, Figures total) {
    }

    private HoursEvaluation() {
    }

    /**
     * The answer for one period and grouping.
     *
     * @param lastEnded the last month that has ended: the year's figures are decided as released up to it
     * @param hours     every citizen's hours per month in the period's year, up to {@code lastEnded}
     */
    public static Result compute(OutcomePeriod period, YearMonth lastEnded, GroupBy groupBy, List<Member> members,
                                 List<HoursRepository.CitizenMonth> hours) {
        return answer(OutcomeCube.of(period.year(), lastEnded, members, hours), period, groupBy);
    }

    /** The answer for one period and grouping from a year's decided figures. */
    static Result answer(OutcomeCube cube, OutcomePeriod period, GroupBy groupBy) {
        int p = cube.periodIndex(period);
        List<Group> groups = new ArrayList<>();
        if (groupBy == GroupBy.MONTH) {
            for (YearMonth month : period.months()) {
                groups.add(new Group(month.toString(), figures(cube, OutcomeCube.ALL, cube.periodIndex(
                        OutcomePeriod.month(month)))));
            }
        } else {
            for (int g : cube.groupsOf(groupBy == GroupBy.MUNICIPALITY ? OutcomeCube.Kind.MUNICIPALITY
                    : OutcomeCube.Kind.PROGRAMME)) {
                if (cube.inProgramme(g, p) > 0) {
                    groups.add(new Group(cube.groupCode(g), figures(cube, g, p)));
                }
            }
        }
        return new Result(period.from(), period.to(), groupBy, groups, figures(cube, OutcomeCube.ALL, p));
    }

    private static Figures figures(OutcomeCube cube, int g, int p) {
        boolean hideInProgramme = cube.hidden(OutcomeCube.Figure.IN_PROGRAMME, g, p);
        boolean hideWithHours = cube.hidden(OutcomeCube.Figure.WITH_HOURS, g, p);
        boolean hideTotal = cube.hidden(OutcomeCube.Figure.TOTAL_HOURS, g, p);
        boolean hideMedian = cube.primary(OutcomeCube.Figure.TOTAL_HOURS, g, p) || hideWithHours;
        long inProgramme = cube.inProgramme(g, p);
        long withHours = cube.withHours(g, p);
        List<String> suppressed = new ArrayList<>();
        Optional<Long> in = hideInProgramme ? hidden("citizensInProgramme", suppressed) : Optional.of(inProgramme);
        Optional<Long> with = hideWithHours ? hidden("citizensWithHours", suppressed) : Optional.of(withHours);
        Optional<BigDecimal> share = hideInProgramme || hideWithHours || inProgramme == 0
                ? hiddenIf(hideInProgramme || hideWithHours, "shareWithHours", suppressed)
                : Optional.of(BigDecimal.valueOf(withHours)
                        .divide(BigDecimal.valueOf(inProgramme), 3, RoundingMode.HALF_UP));
        Optional<BigDecimal> total = hideTotal ? hidden("totalHours", suppressed)
                : Optional.of(Hours.hours(cube.totalQuarters(g, p)));
        Optional<BigDecimal> median = hideMedian || withHours == 0
                ? hiddenIf(hideMedian, "medianHours", suppressed)
                : Optional.of(medianHours(cube.quartersPerCitizen(g, p)));
        return new Figures(in, with, share, total, median, suppressed);
    }

    private static <T> Optional<T> hidden(String figure, List<String> suppressed) {
        suppressed.add(figure);
        return Optional.empty();
    }

    private static <T> Optional<T> hiddenIf(boolean hide, String figure, List<String> suppressed) {
        return hide ? hidden(figure, suppressed) : Optional.empty();
    }

    static BigDecimal medianHours(List<Long> quarters) {
        List<Long> sorted = quarters.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
