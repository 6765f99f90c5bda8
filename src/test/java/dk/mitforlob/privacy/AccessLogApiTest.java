package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen's access log: others' reads and changes of their data, from the audit log. */
class AccessLogApiTest {

    private final TestService service = TestService.get();

    private JsonNode log(TestCitizen citizen, String query) {
        return service.api().get("/api/v1/me/access-log" + query).bearer(citizen.token()).send().expect(200).json();
    }

    private void caseworkerOpensPlanAndHours(TestCitizen citizen) {
        String base = "/api/v1/municipalities/851/citizens/" + citizen.citizenId();
        String token = service.issuers().caseworker("851", "karen-kristensen-851");
        service.api().get(base + "/plan").bearer(token).send().expect(200);
        service.api().get(base + "/hours").bearer(token).send().expect(200);
    }

    @Test
    void a_caseworkers_reads_show_newest_first_as_kind_and_municipality_without_the_employee() {
        TestCitizen anna = Fixtures.citizenWithPlan(service, "851");
        caseworkerOpensPlanAndHours(anna);

        JsonNode items = log(anna, "").path("items");
        assertThat(items.get(0).path("resource").asText()).isEqualTo("hours");
        assertThat(items.get(1).path("resource").asText()).isEqualTo("plan");
        assertThat(items.get(0).path("actor").path("text").asText()).isEqualTo("sagsbehandler, Aalborg Kommune");
        assertThat(items.get(0).path("what").asText()).isEqualTo("Så dine registrerede løntimer");
        assertThat(items.get(1).path("why").asText()).isEqualTo("for at følge op på dit forløb");
        // the enrollment and the plan publication by the case system came before
        assertThat(items.get(2).path("actor").path("text").asText()).isEqualTo("fagsystem, Aalborg Kommune");
        assertThat(items.toString()).doesNotContain("karen-kristensen").doesNotContain("integration-851");
    }

    @Test
    void another_citizens_log_shows_nothing_of_hers_and_her_own_reads_are_not_listed() {
        TestCitizen anna = Fixtures.citizenWithPlan(service, "851");
        TestCitizen bo = Fixtures.citizenWithPlan(service, "101");
        service.api().get("/api/v1/me/plan").bearer(anna.token()).send().expect(200);
        caseworkerOpensPlanAndHours(anna);

        assertThat(log(bo, "").path("items").toString()).doesNotContain("Aalborg").doesNotContain(anna.citizenId());
        assertThat(log(anna, "").path("items")).noneMatch(e -> e.path("actor").path("kind").asText().equals("citizen"));
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        TestCitizen anna = Fixtures.citizenWithPlan(service, "851");
        for (int i = 0; i < 3; i++) {
            caseworkerOpensPlanAndHours(anna);
        }
        int all = log(anna, "?limit=100").path("items").size();
        List<String> seen = new ArrayList<>();
        String query = "?limit=2";
        while (true) {
            JsonNode page = log(anna, query);
            page.path("items").forEach(e -> seen.add(e.toString()));
            if (!page.has("nextCursor")) {
                break;
            }
            query = "?limit=2&cursor=" + page.path("nextCursor").asText();
        }
        assertThat(seen).hasSize(all);
        assertThat(all).isEqualTo(8);
    }

    @Test
    void the_period_filter_keeps_whole_days_in_copenhagen() {
        TestCitizen anna = Fixtures.citizenWithPlan(service, "851");
        caseworkerOpensPlanAndHours(anna);
        LocalDate today = LocalDate.ofInstant(service.clock().instant(), ZoneId.of("Europe/Copenhagen"));

        assertThat(log(anna, "?from=" + today + "&to=" + today).path("items").size()).isEqualTo(4);
        assertThat(log(anna, "?to=" + today.minusDays(1)).path("items").size()).isZero();
        assertThat(log(anna, "?from=" + today.plusDays(1) + "&to=" + today.plusDays(1)).path("items").size()).isZero();
    }

    @Test
    void english_speakers_read_it_in_english() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "101");
        Map<String, Object> enrollment = new java.util.HashMap<>(Fixtures.enrollment(citizen.cpr(), "cw"));
        enrollment.put("language", "en");
        service.api().put("/api/v1/integration/municipalities/101/citizens/" + citizen.externalRef())
                .bearer(service.issuers().integration("101")).json(enrollment).send().expect(200);

        JsonNode newest = log(citizen, "").path("items").get(0);
        assertThat(newest.path("actor").path("text").asText()).isEqualTo("case system, Copenhagen Municipality");
        assertThat(newest.path("what").asText()).isEqualTo("Updated your details");
    }

    @Test
    void a_bad_period_or_cursor_is_refused() {
        TestCitizen anna = Fixtures.enrollCitizen(service, "851");
        service.api().get("/api/v1/me/access-log?from=2026-02-02&to=2026-02-01").bearer(anna.token()).send()
                .expectProblem(400, "invalid-parameter");
        service.api().get("/api/v1/me/access-log?cursor=bm90LW91cnM").bearer(anna.token()).send()
                .expectProblem(400, "invalid-cursor");
        service.api().get("/api/v1/me/access-log").bearer(service.issuers().caseworker("851")).send()
                .expectProblem(403, "role-required");
    }
}
