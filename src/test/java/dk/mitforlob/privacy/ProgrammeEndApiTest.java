package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The case system ends a programme by sending the day it ended with the enrollment; retention counts from it. */
class ProgrammeEndApiTest {

    private final TestService service = TestService.get();

    private ApiResponse enrollEnded(TestCitizen citizen, LocalDate endedOn) {
        Map<String, Object> enrollment = new HashMap<>(Fixtures.enrollment(citizen.cpr(), "caseworker-851"));
        enrollment.put("programmeEndedOn", endedOn.toString());
        return service.api().put("/api/v1/integration/municipalities/851/citizens/" + citizen.externalRef())
                .bearer(service.issuers().integration("851")).json(enrollment).send();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(service.clock().instant(), ZoneId.of("Europe/Copenhagen"));
    }

    @Test
    void the_day_a_programme_ended_is_kept_and_exported() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        assertThat(enrollEnded(citizen, today()).expect(200).json().path("changed").asBoolean()).isTrue();

        assertThat(service.api().get("/api/v1/me/export").bearer(citizen.token()).send().expect(200).json()
                .path("profile").path("programmeEndedOn").asText()).isEqualTo(today().toString());
    }

    @Test
    void a_programme_cannot_end_in_the_future() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        assertThat(enrollEnded(citizen, today().plusDays(1)).expect(422).problemFields()).contains("programmeEndedOn");
    }
}
