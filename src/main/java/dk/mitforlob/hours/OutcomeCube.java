package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dk.mitforlob.evaluation.SmallCells;

/**
 * Every figure of the paid-hours outcome for one year — each group (everyone, each municipality,
 * each programme) in each period that has ended (months, quarters, the year) — with what is
 * hidden decided for all of them together. Years are independent: no period crosses a year, and
 * citizens in the programme are counted at the end of each period, so no figure of one year adds
 * up with one of another.
 *
 * <p>Definitions that make the figures add up: a citizen's hours in a month count from the month
 * they are enrolled by its end; a period's total hours are the sum of its months'; its citizens in
 * the programme those enrolled by its end (so a quarter's is its last month's); its citizens with
 * hours those with counted hours in any of its months.
 */
final class OutcomeCube {

    enum Kind { ALL, MUNICIPALITY, PROGRAMME }

    enum Figure { IN_PROGRAMME, WITH_HOURS, TOTAL_HOURS }

    static final int ALL = 0;

    /** Twelve months, four quarters, the year. */
    static final int PERIODS_IN_A_YEAR = 17;

    private record GroupKey(Kind kind, String code) {
    }

    private final List<GroupKey> groups = new ArrayList<>();
    private final List<OutcomePeriod> periods;
    private final Map<OutcomePeriod, Integer> periodIndex = new HashMap<>();
    private final long[][] inProgramme;
    private final long[][] withHours;
    private final long[][] totals;
    /** Per citizen: groups they count in and quarters per month (index 0-11). */
    private final Map<String, long[]> quarters = new HashMap<>();
    private final Map<String, int[]> groupsOfCitizen = new HashMap<>();
    private final Map<Figure, boolean[]> hidden = new HashMap<>();
    private final Map<Figure, boolean[]> primary = new HashMap<>();
    private final Map<Integer, List<List<Long>>> perCitizen = new HashMap<>();

    private OutcomeCube(List<OutcomePeriod> periods, List<GroupKey> groups) {
        this.periods = periods;
        this.groups.addAll(groups);
        for (int p = 0; p < periods.size(); p++) {
            periodIndex.put(periods.get(p), p);
        }
        inProgramme = new long[groups.size()][periods.size()];
        withHours = new long[groups.size()][periods.size()];
        totals = new long[groups.size()][periods.size()];
    }

    static OutcomeCube of(int year, YearMonth lastEnded, List<HoursEvaluation.Member> members,
                          List<HoursRepository.CitizenMonth> hours) {
        List<OutcomePeriod> periods = OutcomePeriod.endedIn(year, lastEnded);
        TreeSet<String> municipalities = new TreeSet<>();
        TreeSet<String> programmes = new TreeSet<>();
        members.forEach(m -> {
            municipalities.add(m.municipality());
            programmes.add(m.programme().code());
        });
        List<GroupKey> keys = new ArrayList<>();
        keys.add(new GroupKey(Kind.ALL, "all"));
        municipalities.forEach(code -> keys.add(new GroupKey(Kind.MUNICIPALITY, code)));
        programmes.forEach(code -> keys.add(new GroupKey(Kind.PROGRAMME, code)));
        OutcomeCube cube = new OutcomeCube(periods, keys);
        cube.count(year, members, hours);
        OutcomeRelations.decide(cube, periods.isEmpty() ? 0 : periods.get(periods.size() - 1).last().getMonthValue());
        return cube;
    }

    private void count(int year, List<HoursEvaluation.Member> members, List<HoursRepository.CitizenMonth> hours) {
        Map<String, HoursEvaluation.Member> byId = new HashMap<>();
        for (HoursEvaluation.Member member : members) {
            byId.put(member.citizenId(), member);
            int[] of = {ALL, groups.indexOf(new GroupKey(Kind.MUNICIPALITY, member.municipality())),
                    groups.indexOf(new GroupKey(Kind.PROGRAMME, member.programme().code()))};
            groupsOfCitizen.put(member.citizenId(), of);
            for (int p = 0; p < periods.size(); p++) {
                if (!member.enrolledOn().isAfter(periods.get(p).to())) {
                    for (int g : of) {
                        inProgramme[g][p]++;
                    }
                }
            }
        }
        for (HoursRepository.CitizenMonth month : hours) {
            YearMonth ym = YearMonth.parse(month.month());
            HoursEvaluation.Member member = byId.get(month.citizenId());
            boolean released = !periods.isEmpty() && !ym.isAfter(periods.get(periods.size() - 1).last());
            if (member != null && ym.getYear() == year && released && month.quarters() > 0
                    && !member.enrolledOn().isAfter(ym.atEndOfMonth())) {
                quarters.computeIfAbsent(month.citizenId(), c -> new long[12])[ym.getMonthValue() - 1] += month.quarters();
            }
        }
        quarters.forEach((citizen, perMonth) -> {
            for (int p = 0; p < periods.size(); p++) {
                long sum = sum(perMonth, periods.get(p));
                if (sum > 0) {
                    for (int g : groupsOfCitizen.get(citizen)) {
                        withHours[g][p]++;
                        totals[g][p] += sum;
                    }
                }
            }
        });
    }

    private static long sum(long[] perMonth, OutcomePeriod period) {
        long sum = 0;
        for (int m = period.first().getMonthValue(); m <= period.last().getMonthValue(); m++) {
            sum += perMonth[m - 1];
        }
        return sum;
    }

    int groupCount() {
        return groups.size();
    }

    List<OutcomePeriod> periods() {
        return periods;
    }

    int periodIndex(OutcomePeriod period) {
        Integer index = periodIndex.get(period);
        if (index == null) {
            throw new IllegalArgumentException(period + " has not ended");
        }
        return index;
    }

    List<Integer> groupsOf(Kind kind) {
        List<Integer> of = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).kind() == kind) {
                of.add(g);
            }
        }
        return of;
    }

    Kind kind(int g) {
        return groups.get(g).kind();
    }

    String groupCode(int g) {
        return groups.get(g).code();
    }

    long inProgramme(int g, int p) {
        return inProgramme[g][p];
    }

    long withHours(int g, int p) {
        return withHours[g][p];
    }

    long totalQuarters(int g, int p) {
        return totals[g][p];
    }

    long value(Figure figure, int g, int p) {
        return switch (figure) {
            case IN_PROGRAMME -> inProgramme[g][p];
            case WITH_HOURS -> withHours[g][p];
            case TOTAL_HOURS -> totals[g][p];
        };
    }

    /** How many citizens a figure rests on: what showing it would expose. */
    long restsOn(Figure figure, int g, int p) {
        return switch (figure) {
            case IN_PROGRAMME -> inProgramme[g][p];
            case WITH_HOURS -> SmallCells.exposed(withHours[g][p], inProgramme[g][p]);
            case TOTAL_HOURS -> withHours[g][p];
        };
    }

    /** Primary suppression: too few citizens behind the figure, or too few left out of it. */
    boolean mustHide(Figure figure, int g, int p) {
        boolean smallGroup = SmallCells.tooFew(inProgramme[g][p]);
        long with = withHours[g][p];
        return switch (figure) {
            case IN_PROGRAMME -> smallGroup;
            case WITH_HOURS -> smallGroup || SmallCells.tooFew(with) || SmallCells.revealsOthers(with, inProgramme[g][p]);
            case TOTAL_HOURS -> smallGroup || SmallCells.tooFew(with);
        };
    }

    void decided(Figure figure, boolean[] primaryCells, boolean[] hiddenCells) {
        primary.put(figure, primaryCells);
        hidden.put(figure, hiddenCells);
    }

    int cell(int g, int p) {
        return g * PERIODS_IN_A_YEAR + p;
    }

    /** Whether a figure is hidden; citizens in the programme as decided for the period's last month. */
    boolean hidden(Figure figure, int g, int p) {
        return hidden.get(figure)[cell(g, figure == Figure.IN_PROGRAMME ? lastMonth(p) : p)];
    }

    boolean primary(Figure figure, int g, int p) {
        return primary.get(figure)[cell(g, figure == Figure.IN_PROGRAMME ? lastMonth(p) : p)];
    }

    int lastMonth(int p) {
        return periodIndex(OutcomePeriod.month(periods.get(p).last()));
    }

    /** The hours of each citizen of the group with any in the period, in quarters. */
    List<Long> quartersPerCitizen(int g, int p) {
        // one pass over the citizens per period, shared by all its groups
        List<List<Long>> byGroup = perCitizen.computeIfAbsent(p, period -> {
            List<List<Long>> lists = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                lists.add(new ArrayList<>());
            }
            quarters.forEach((citizen, perMonth) -> {
                long sum = sum(perMonth, periods.get(period));
                if (sum > 0) {
                    for (int of : groupsOfCitizen.get(citizen)) {
                        lists.get(of).add(sum);
                    }
                }
            });
            return lists;
        });
        return byGroup.get(g);
    }
}
