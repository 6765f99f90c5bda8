package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.citizen.Programme;
import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.platform.json.Codes;

/**
 * The programme outcome the evaluators study: per group (month, municipality or programme) how
 * many citizens are in the programme, how many had paid hours and their share, the total and the
 * median hours of those who had any. Figures resting on fewer than five citizens are hidden, and
 * enough others with them that none can be worked out from the totals (see {@link SmallCells}).
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

    private static final int IN_PROGRAMME = 0;
    private static final int WITH_HOURS = 1;
    private static final int TOTAL_HOURS = 2;

    /** Raw figures of one group before anything is hidden. */
    private record Raw(String group, long inProgramme, List<Long> quartersPerCitizen) {
        long withHours() {
            return quartersPerCitizen.size();
        }

        long totalQuarters() {
            return quartersPerCitizen.stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Result compute(LocalDate from, LocalDate to, GroupBy groupBy, List<Member> members,
                                 List<HoursRepository.CitizenMonth> hours) {
        Map<String, Member> byId = new HashMap<>();
        members.stream().filter(m -> !m.enrolledOn().isAfter(to)).forEach(m -> byId.put(m.citizenId(), m));
        List<Raw> groups = switch (groupBy) {
            case MONTH -> byMonth(from, to, members, hours);
            case MUNICIPALITY -> byKey(byId, hours, Member::municipality);
            case PROGRAMME -> byKey(byId, hours, m -> m.programme().code());
        };
        Raw overall = overall(byId, hours);

        int rows = groups.size();
        double[][] values = new double[rows][3];
        boolean[][] primary = new boolean[rows][3];
        long[][] sizes = new long[rows][3];
        for (int r = 0; r < rows; r++) {
            Raw raw = groups.get(r);
            values[r] = new double[] {raw.inProgramme(), raw.withHours(), raw.totalQuarters()};
            sizes[r] = new long[] {raw.inProgramme(), SmallCells.exposed(raw.withHours(), raw.inProgramme()),
                    raw.withHours()};
            boolean groupTooSmall = SmallCells.tooFew(raw.inProgramme());
            boolean withHoursTooFew = SmallCells.tooFew(raw.withHours())
                    || SmallCells.revealsOthers(raw.withHours(), raw.inProgramme());
            primary[r] = new boolean[] {groupTooSmall, groupTooSmall || withHoursTooFew,
                    groupTooSmall || SmallCells.tooFew(raw.withHours())};
        }
        SmallCells.Suppression suppression = SmallCells.suppress(values, primary, sizes);
        List<Group> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Raw raw = groups.get(r);
            result.add(new Group(raw.group(), figures(raw, suppression.hidden(r, IN_PROGRAMME),
                    suppression.hidden(r, WITH_HOURS), suppression.hidden(r, TOTAL_HOURS), primary[r][TOTAL_HOURS])));
        }
        boolean overallSmall = SmallCells.tooFew(overall.inProgramme());
        Figures total = figures(overall,
                overallSmall || suppression.totalHidden(IN_PROGRAMME),
                overallSmall || suppression.totalHidden(WITH_HOURS) || SmallCells.tooFew(overall.withHours())
                        || SmallCells.revealsOthers(overall.withHours(), overall.inProgramme()),
                overallSmall || suppression.totalHidden(TOTAL_HOURS) || SmallCells.tooFew(overall.withHours()),
                overallSmall || SmallCells.tooFew(overall.withHours()));
        return new Result(from, to, groupBy, result, total);
    }

    private static Figures figures(Raw raw, boolean hideInProgramme, boolean hideWithHours, boolean hideTotal,
                                   boolean hideMedian) {
        List<String> suppressed = new ArrayList<>();
        Optional<Long> inProgramme = hideInProgramme ? hidden("citizensInProgramme", suppressed)
                : Optional.of(raw.inProgramme());
        Optional<Long> withHours = hideWithHours ? hidden("citizensWithHours", suppressed) : Optional.of(raw.withHours());
        Optional<BigDecimal> share = hideInProgramme || hideWithHours || raw.inProgramme() == 0
                ? hiddenIf(hideInProgramme || hideWithHours, "shareWithHours", suppressed)
                : Optional.of(BigDecimal.valueOf(raw.withHours())
                        .divide(BigDecimal.valueOf(raw.inProgramme()), 3, RoundingMode.HALF_UP));
        Optional<BigDecimal> total = hideTotal ? hidden("totalHours", suppressed)
                : Optional.of(Hours.hours(raw.totalQuarters()));
        Optional<BigDecimal> median = hideMedian || raw.withHours() == 0
                ? hiddenIf(hideMedian, "medianHours", suppressed)
                : Optional.of(medianHours(raw.quartersPerCitizen()));
        return new Figures(inProgramme, withHours, share, total, median, suppressed);
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

    private static List<Raw> byKey(Map<String, Member> members, List<HoursRepository.CitizenMonth> hours,
                                   Function<Member, String> key) {
        Map<String, Long> inGroup = new TreeMap<>();
        members.values().forEach(m -> inGroup.merge(key.apply(m), 1L, Long::sum));
        Map<String, Map<String, Long>> perCitizen = new TreeMap<>();
        for (HoursRepository.CitizenMonth month : hours) {
            Member member = members.get(month.citizenId());
            if (member != null && month.quarters() > 0) {
                perCitizen.computeIfAbsent(key.apply(member), k -> new HashMap<>())
                        .merge(month.citizenId(), month.quarters(), Long::sum);
            }
        }
        List<Raw> raws = new ArrayList<>();
        inGroup.forEach((group, count) -> raws.add(new Raw(group, count,
                new ArrayList<>(perCitizen.getOrDefault(group, Map.of()).values()))));
        return raws;
    }

    private static List<Raw> byMonth(LocalDate from, LocalDate to, List<Member> members,
                                     List<HoursRepository.CitizenMonth> hours) {
        List<Raw> raws = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            String key = month.toString();
            Map<String, Boolean> enrolled = new HashMap<>();
            members.stream().filter(m -> !m.enrolledOn().isAfter(end)).forEach(m -> enrolled.put(m.citizenId(), true));
            List<Long> quarters = hours.stream()
                    .filter(h -> h.month().equals(key) && h.quarters() > 0 && enrolled.containsKey(h.citizenId()))
                    .map(HoursRepository.CitizenMonth::quarters)
                    .toList();
            raws.add(new Raw(key, enrolled.size(), quarters));
        }
        return raws;
    }

    private static Raw overall(Map<String, Member> members, List<HoursRepository.CitizenMonth> hours) {
        Map<String, Long> perCitizen = new HashMap<>();
        for (HoursRepository.CitizenMonth month : hours) {
            if (members.containsKey(month.citizenId()) && month.quarters() > 0) {
                perCitizen.merge(month.citizenId(), month.quarters(), Long::sum);
            }
        }
        return new Raw("all", members.size(), new ArrayList<>(perCitizen.values()));
    }
}
