package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.OpenApiContract;
import dk.mitforlob.testing.TestService;

/**
 * Where the server checks a value, the contract says the same: each value the server refuses, the
 * contract's schema refuses too, and each value it accepts, the schema accepts. The cases the review
 * found (phone, e-mail, weekly hours, video link) and their neighbours.
 */
class ContractAgreesWithServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestService service = TestService.get();
    private final OpenApiContract contract = OpenApiContract.get();

    private boolean schemaAccepts(String schema, Object value) {
        return contract.validateAgainst(schema, JSON.valueToTree(value)).isEmpty();
    }

    private int enrollWithContact(Map<String, Object> contact) {
        Map<String, Object> body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
        body.put("contactPerson", contact);
        return service.api().put("/api/v1/integration/municipalities/851/citizens/REF-" + UUID.randomUUID())
                .bearer(service.issuers().integration("851")).json(body).invalid().send().status();
    }

    @Test
    void contact_phone_and_email_are_refused_by_both_or_by_neither() {
        for (String phone : List.of("ABCDE", "1234567", "+45 12 34 56 78 90 12 34", "45-12-34-56-78", "+45 12345678",
                "12345678", "+4512345678")) {
            Map<String, Object> contact = Map.of("name", "Kim", "phone", phone);
            assertThat(schemaAccepts("ContactPerson", contact)).as(phone).isEqualTo(enrollWithContact(contact) == 201);
        }
        for (String email : List.of("no-at-sign", "a@b", "a b@example.dk", "kim@jobcenter.example.dk", "k@x.dk")) {
            Map<String, Object> contact = Map.of("name", "Kim", "email", email);
            assertThat(schemaAccepts("ContactPerson", contact)).as(email).isEqualTo(enrollWithContact(contact) == 201);
        }
    }

    @Test
    void weekly_hours_and_video_links_are_refused_by_both_or_by_neither() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String path = "/api/v1/integration/municipalities/851/citizens/" + citizen.citizenId() + "/plan";
        for (Object weeklyHours : List.of(7.3, 0, 61, 7.25, 60, 0.25, 37.5)) {
            Map<String, Object> activity = new LinkedHashMap<>(Map.of("id", "a-" + UUID.randomUUID(), "type", "mentor",
                    "status", "planned", "period", Map.of("from", LocalDate.now().toString()), "weeklyHours", weeklyHours));
            int status = publish(path, Map.of("activities", List.of(activity)));
            assertThat(schemaAccepts("Activity", activity)).as("weeklyHours " + weeklyHours).isEqualTo(status == 200);
        }
        for (String link : List.of("http://meet.example.dk/x", "ftp://meet.example.dk", "https://", "https:/x",
                "https://meet.example.dk/room/42", "https://meet.example.dk")) {
            Map<String, Object> meeting = Fixtures.meeting("m-" + UUID.randomUUID(),
                    java.time.ZonedDateTime.now().plusDays(3), "Opfølgning");
            meeting.remove("place");
            meeting.put("videoLink", link);
            int status = publish(path, Map.of("meetings", List.of(meeting)));
            assertThat(schemaAccepts("Meeting", meeting)).as(link).isEqualTo(status == 200);
        }
    }

    private int publish(String path, Map<String, Object> plan) {
        var response = service.api().put(path).bearer(service.issuers().integration("851")).json(plan).invalid().send();
        assertThat(response.status()).isIn(200, 422);
        return response.status();
    }
}
