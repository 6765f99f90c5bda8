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

    /**
     * A plan body as a case system sends it: two goals, three activities, a meeting tomorrow and one
     * next week. Item ids carry {@code prefix} so plans of different tests never share ids.
     */
    public static Map<String, Object> plan(String prefix) {
        java.time.ZonedDateTime tomorrow = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Copenhagen"))
                .plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goals", java.util.List.of(
                Map.of("id", prefix + "-goal-work", "type", "work", "title", "Job i detailhandlen",
                        "targetDate", today.plusMonths(6).toString(),
                        "subGoals", java.util.List.of(Map.of("id", prefix + "-sub-1", "title", "Opdateret CV"))),
                Map.of("id", prefix + "-goal-edu", "type", "education", "title", "Kursus")));
        body.put("activities", java.util.List.of(
                new LinkedHashMap<>(Map.of("id", prefix + "-act-placement", "type", "work-placement",
                        "status", "in-progress", "period", Map.of("from", today.minusWeeks(2).toString()),
                        "provider", "Netto", "weeklyHours", 10, "goalId", prefix + "-goal-work")),
                Map.of("id", prefix + "-act-mentor", "type", "mentor", "status", "planned",
                        "period", Map.of("from", today.toString(), "to", today.plusMonths(3).toString())),
                Map.of("id", prefix + "-act-job", "type", "small-job", "status", "planned",
                        "period", Map.of("from", today.plusWeeks(1).toString()), "weeklyHours", 4.5)));
        body.put("meetings", java.util.List.of(
                meeting(prefix + "-meet-1", tomorrow, "Opfølgning"),
                meeting(prefix + "-meet-2", tomorrow.plusDays(7), "Status")));
        body.put("contact", Map.of("name", "Case Worker", "phone", "+45 12 34 56 78"));
        return body;
    }

    public static Map<String, Object> meeting(String id, java.time.ZonedDateTime start, String purpose) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("id", id);
        meeting.put("start", start.toInstant().toString());
        meeting.put("end", start.plusMinutes(45).toInstant().toString());
        meeting.put("place", "Jobcentret");
        meeting.put("withWhom", "Case Worker");
        meeting.put("purpose", purpose);
        return meeting;
    }

    /** The plan of {@link #plan(String)} with its first meeting called off. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> planWithFirstMeetingCancelled(String prefix) {
        Map<String, Object> plan = plan(prefix);
        var meetings = new java.util.ArrayList<>((java.util.List<Map<String, Object>>) plan.get("meetings"));
        var cancelled = new LinkedHashMap<>(meetings.get(0));
        cancelled.put("cancelled", true);
        meetings.set(0, cancelled);
        plan.put("meetings", meetings);
        return plan;
    }

    /** Publishes {@code plan} for the citizen through the case system's API; returns the version. */
    public static long publishPlan(TestService service, TestCitizen citizen, Map<String, Object> plan) {
        return service.api()
                .put("/api/v1/integration/municipalities/" + citizen.municipality() + "/citizens/"
                        + citizen.citizenId() + "/plan")
                .bearer(service.issuers().integration(citizen.municipality()))
                .json(plan).send().expect(200).json().path("version").asLong();
    }

    /** A citizen with a published plan whose item ids start with their own prefix. */
    public static TestCitizen citizenWithPlan(TestService service, String municipality) {
        TestCitizen citizen = enrollCitizen(service, municipality);
        publishPlan(service, citizen, plan(citizen.citizenId()));
        return citizen;
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
