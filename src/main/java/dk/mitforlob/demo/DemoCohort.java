package dk.mitforlob.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.hours.Employer;
import dk.mitforlob.hours.HoursInput;
import dk.mitforlob.hours.PaidHours;

/**
 * Enough fictitious citizens for the evaluators' figures to show something in demo mode: the
 * outcome counts whole months that have ended, and only citizens enrolled by then, so these were
 * enrolled five months ago and worked in the last two ended months. Aarhus and Odense are large
 * enough to be shown; Frederiksberg's three citizens are too few and show as suppressed. They
 * live outside Aalborg and København, so the demo caseworkers' inboxes stay about Anna and Bo.
 * Names, CPR numbers and references are made up; every step is idempotent like the rest of the demo.
 */
final class DemoCohort {

    private static final Duration ENROLLED_BEFORE = Duration.ofDays(150);
    private static final Employer EMPLOYER = new Employer("Demo Service ApS", null);
    private static final List<String> FIRST_NAMES = List.of("Ida", "Mads", "Sofie", "Jonas", "Freja", "Emil", "Laura",
            "Oliver", "Clara", "Noah", "Alma", "Lucas", "Ella", "Victor");
    private static final List<String> LAST_NAMES = List.of("Holm", "Bech", "Dahl", "Krogh", "Lund", "Vinther", "Skov");

    /** A municipality's share of the cohort: how many citizens, and how many of them worked paid hours. */
    private record Group(String municipality, String prefix, int citizens, int withHours) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("751", "AAR", 14, 8),
            new Group("461", "ODE", 12, 6),
            new Group("147", "FRB", 3, 1));

    private DemoCohort() {
    }

    static void seed(Citizens citizens, PaidHours hours, Clock clock) {
        Citizens enrolledEarlier = citizens.asOf(Clock.offset(clock, ENROLLED_BEFORE.negated()));
        YearMonth lastEnded = YearMonth.from(hours.today()).minusMonths(1);
        int person = 0;
        for (Group group : GROUPS) {
            for (int i = 0; i < group.citizens(); i++, person++) {
                String ref = group.prefix() + "-DEMO-" + String.format("%03d", i + 1);
                Programme programme = person % 3 == 0 ? Programme.ACTIVITY_READY_CASH_BENEFIT : Programme.RESOURCE_PROGRAMME;
                Citizen citizen = enrolledEarlier.enroll(group.municipality(), ref, new Enrollment(cpr(person),
                        name(person), programme, null, null, Language.DA)).citizen();
                if (i < group.withHours()) {
                    work(hours, citizen, ref, lastEnded, person);
                }
            }
        }
    }

    /**
     * One registration in each of the last two ended months (some worked only in the later one): the
     * outcome counts who had any paid hours in a month, and a few writes keep demo start-up quick.
     */
    private static void work(PaidHours hours, Citizen citizen, String ref, YearMonth lastEnded, int person) {
        for (YearMonth month : person % 4 == 0 ? List.of(lastEnded) : List.of(lastEnded.minusMonths(1), lastEnded)) {
            LocalDate day = month.atDay(1 + person % 20)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.of(1 + person % 5)));
            BigDecimal amount = BigDecimal.valueOf(3 + person % 5).add(BigDecimal.valueOf(person % 2 * 5, 1));
            hours.register(citizen, new HoursInput(day, EMPLOYER, amount, null, null, null),
                    "demo-cohort-" + ref + "-" + day);
        }
    }

    /** Made-up CPR numbers: 1 January of the years 1970-1998, serials no one has. */
    private static String cpr(int person) {
        return String.format("0101%02d-%04d", 70 + person, 9000 + person);
    }

    private static String name(int person) {
        return FIRST_NAMES.get(person % FIRST_NAMES.size()) + " " + LAST_NAMES.get(person % LAST_NAMES.size());
    }
}
