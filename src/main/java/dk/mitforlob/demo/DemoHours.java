package dk.mitforlob.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.hours.Employer;
import dk.mitforlob.hours.HoursInput;
import dk.mitforlob.hours.PaidHours;

/**
 * Several weeks of paid hours for the demo people, with a correction and a withdrawal so the
 * history shows. Each registration has a fixed operation id: seeding again finds it and adds nothing.
 */
final class DemoHours {

    private static final Employer FOETEX = new Employer("Føtex Aalborg", "35954716");
    private static final Employer WAREHOUSE = new Employer("Lagerhjælp ApS", "12345674");
    private static final Employer CAFE = new Employer("Café Nørrebro", null);

    private DemoHours() {
    }

    static void seed(PaidHours hours, Citizen anna, Citizen bo) {
        LocalDate today = hours.today();
        LocalDate saturday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        String lastSaturday = null;
        for (int week = 0; week < 6; week++) {
            String id = register(hours, anna, "demo-anna-sat-" + week, saturday.minusWeeks(week), FOETEX, "4",
                    "act-smalljob", week == 2 ? "Ekstra vagt i frugt og grønt" : null);
            lastSaturday = week == 0 ? id : lastSaturday;
            if (week < 3) {
                register(hours, anna, "demo-anna-wed-" + week,
                        saturday.minusWeeks(week).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY)), FOETEX, "2.5",
                        "act-smalljob", null);
            }
        }
        hours.correct(anna, lastSaturday, new HoursInput(saturday, FOETEX, new BigDecimal("3.5"),
                null, "act-smalljob", "Gik en halv time før, fordi jeg var træt"));

        LocalDate tuesday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        for (int week = 0; week < 4; week++) {
            register(hours, bo, "demo-bo-tue-" + week, tuesday.minusWeeks(week), WAREHOUSE, "3", null, null);
            register(hours, bo, "demo-bo-thu-" + week, tuesday.minusWeeks(week).minusDays(5), WAREHOUSE, "3", null,
                    null);
        }
        register(hours, bo, "demo-bo-cafe", tuesday.minusDays(1), CAFE, "1.75", null, "Hjalp til ved en reception");
        String twice = register(hours, bo, "demo-bo-double", tuesday.minusWeeks(1), WAREHOUSE, "3", null, null);
        hours.withdraw(bo, twice, new HoursInput.Withdrawal("Registered the same shift twice"));
    }

    /** Registers under a fixed operation id and returns the registration's id. */
    private static String register(PaidHours hours, Citizen citizen, String operation, LocalDate date,
                                   Employer employer, String amount, String activityId, String note) {
        if (date.isAfter(hours.today()) || date.isBefore(hours.today().minusDays(80))) {
            return null;
        }
        return hours.register(citizen, new HoursInput(date, employer, new BigDecimal(amount), note, activityId, null),
                operation).id();
    }
}
