package dk.mitforlob.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dk.mitforlob.platform.ids.Ids;

/**
 * Test data made through the API the way a case system makes it: each call enrolls a new citizen
 * with a fresh CPR number, so tests never share a citizen by accident.
 */
public final class Fixtures {

    private static final Set<String> USED_CPRS = ConcurrentHashMap.newKeySet();

    private Fixtures() {
    }

    /** A citizen as the tests know them: ids, where they belong, and a token to act as them. */
    public record TestCitizen(String citizenId, String municipality, String externalRef, String cpr, String token) {
    }

    /** A fresh CPR-shaped number no other test uses. */
    public static String newCpr() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            LocalDate birthday = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
            String cpr = String.format("%02d%02d%02d-%04d", birthday.getDayOfMonth(), birthday.getMonthValue(),
                    birthday.getYear() % 100, random.nextInt(10_000));
            if (USED_CPRS.add(cpr.replace("-", ""))) {
                return cpr;
            }
        }
    }

    /** The body a case system sends to enroll someone. */
    public static Map<String, Object> enrollment(String cpr, String caseworkerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cpr", cpr);
        body.put("name", "Test Person " + cpr.substring(0, 4));
        body.put("programme", "resource-programme");
        body.put("caseworker", Map.of("id", caseworkerId, "name", "Case Worker"));
        body.put("contactPerson", Map.of("name", "Case Worker", "phone", "+45 12 34 56 78",
                "email", "caseworker@example.dk", "officeHours", "Mon-Fri 9-15"));
        body.put("language", "da");
        return body;
    }

    /** Enrolls a new citizen in {@code municipality} through the integration API. */
    public static TestCitizen enrollCitizen(TestService service, String municipality) {
        return enrollCitizen(service, municipality, "caseworker-" + municipality);
    }

    public static TestCitizen enrollCitizen(TestService service, String municipality, String caseworkerId) {
        String cpr = newCpr();
        String ref = "REF-" + Ids.newId();
        String citizenId = service.api()
                .put("/api/v1/integration/municipalities/" + municipality + "/citizens/" + ref)
                .bearer(service.issuers().integration(municipality))
                .json(enrollment(cpr, caseworkerId))
                .send()
                .expect(201)
                .json().path("citizenId").asText();
        return new TestCitizen(citizenId, municipality, ref, cpr, service.issuers().citizen(cpr));
    }
}
