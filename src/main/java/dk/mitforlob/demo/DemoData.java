package dk.mitforlob.demo;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.Programme;

/**
 * Demo data, put in through the same services the API uses. Every step is idempotent, so
 * restarting demo mode on the same data directory changes nothing that is already there.
 */
final class DemoData {

    private DemoData() {
    }

    record Seeded(Citizen anna, Citizen bo) {
    }

    static Seeded seed(Citizens citizens) {
        Citizen anna = citizens.enroll("851", DemoPeople.ANNA_REF, new Enrollment(DemoPeople.ANNA_CPR,
                DemoPeople.ANNA_NAME, Programme.RESOURCE_PROGRAMME, DemoPeople.CASEWORKER_851,
                new ContactPerson("Karen Kristensen", "+45 99 31 00 00", "karen.kristensen@aalborg.dk",
                        "Monday-Thursday 9-15, Friday 9-12"),
                Language.DA)).citizen();
        Citizen bo = citizens.enroll("101", DemoPeople.BO_REF, new Enrollment(DemoPeople.BO_CPR,
                DemoPeople.BO_NAME, Programme.ACTIVITY_READY_CASH_BENEFIT, DemoPeople.CASEWORKER_101,
                new ContactPerson("Peter Poulsen", "+45 33 66 33 66", "peter.poulsen@kk.dk",
                        "Monday-Friday 8-14"),
                Language.EN)).citizen();
        return new Seeded(anna, bo);
    }
}
