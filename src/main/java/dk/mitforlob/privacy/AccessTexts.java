package dk.mitforlob.privacy;

import java.util.Map;

import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.reference.Municipalities;

/**
 * How an audit entry reads to the citizen: the kind of actor and its municipality, what was done
 * and why, in Danish or English. Never who the employee was (the audit log keeps that for the
 * municipality; Danish practice after CJEU C-579/21).
 */
final class AccessTexts {

    /** Danish, English. */
    record Text(String da, String en) {
        String in(Language language) {
            return language == Language.EN ? en : da;
        }
    }

    /** What and why of one kind of access. */
    record Access(Text what, Text why) {
    }

    private static final Map<String, Text> ACTORS = Map.of(
            "caseworker", new Text("sagsbehandler", "caseworker"),
            "integration", new Text("fagsystem", "case system"),
            "evaluator", new Text("evaluator", "evaluator"),
            "survey-admin", new Text("administrator af spørgeskemaer", "survey administrator"));

    private static final Text SOMEONE = new Text("medarbejder", "employee");

    private static final Map<String, Access> ACCESSES = Map.ofEntries(
            Map.entry("read plan", access("Så din plan", "Your plan was viewed",
                    "for at følge op på dit forløb", "to follow up on your programme")),
            Map.entry("publish plan", access("Lagde en ny version af din plan", "Published a new version of your plan",
                    "fordi din plan blev ændret", "because your plan was changed")),
            Map.entry("read hours", access("Så dine registrerede løntimer", "Your paid hours were viewed",
                    "for at følge op på dit arbejde med løn", "to follow up on your paid work")),
            Map.entry("read wishes", access("Så dine interesser og ønsker", "Your interests and wishes were viewed",
                    "for at tilrettelægge dit forløb efter dine ønsker", "to shape your programme to your wishes")),
            Map.entry("read inbox", access("Så det, du har tilføjet (trin, kommentarer, indsigelser)",
                    "What you added (steps, comments, objections) was viewed",
                    "for at svare på det, du har skrevet", "to respond to what you wrote")),
            Map.entry("read caseload", access("Så dit navn på listen over borgere",
                    "Your name was seen on the list of citizens",
                    "for at finde borgere med nyt input", "to find citizens with new input")),
            Map.entry("read events", access("Hentede det, du har tilføjet, til kommunens fagsystem",
                    "What you added was fetched into the municipality's case system",
                    "for at holde din sag opdateret", "to keep your case up to date")),
            Map.entry("enroll enrollment", access("Tilmeldte dig Mit Forløb", "Enrolled you in Mit Forløb",
                    "fordi dit forløb begyndte", "because your programme began")),
            Map.entry("update enrollment", access("Opdaterede dine oplysninger", "Updated your details",
                    "fordi dine oplysninger i sagen blev ændret", "because your details in the case changed")));

    private static final Access OTHER = access("Tilgik dine oplysninger", "Your data was accessed",
            "som led i dit forløb", "as part of your programme");

    private AccessTexts() {
    }

    private static Access access(String whatDa, String whatEn, String whyDa, String whyEn) {
        return new Access(new Text(whatDa, whatEn), new Text(whyDa, whyEn));
    }

    static Access of(String action, String resource) {
        return ACCESSES.getOrDefault(action + " " + resource, OTHER);
    }

    /** True when an (action, resource) pair has its own text; the audit completeness test holds every audited route to it. */
    static boolean known(String action, String resource) {
        return ACCESSES.containsKey(action + " " + resource);
    }

    static String actorKind(String role, Language language) {
        return ACTORS.getOrDefault(role, SOMEONE).in(language);
    }

    /** "Aalborg Kommune", "Københavns Kommune"; "Aalborg Municipality", "Copenhagen Municipality". */
    static String municipality(String code, Language language) {
        String name = Municipalities.name(code).orElse(code);
        if (language == Language.EN) {
            return (name.equals("København") ? "Copenhagen" : name) + " Municipality";
        }
        return switch (name) {
            case "København" -> "Københavns Kommune";
            case "Bornholm" -> "Bornholms Regionskommune";
            default -> name + " Kommune";
        };
    }
}
