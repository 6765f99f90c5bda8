package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.OpenApiContract;
import dk.mitforlob.testing.OperationFixtures;
import dk.mitforlob.testing.TestService;

/** Over real HTTP: what is not exactly the documented shape is refused, never converted or rounded. */
class StrictInputApiTest {

    private final TestService service = TestService.get();
    private final String yesterday = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(1).toString();

    private ApiResponse register(Fixtures.TestCitizen citizen, String body) {
        return service.api().post("/api/v1/me/hours").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(body).invalid().send();
    }

    private String hours(String date, String hours) {
        return "{\"date\":" + date + ",\"employer\":{\"name\":\"Netto\"},\"hours\":" + hours + "}";
    }

    @Test
    void a_date_is_only_a_string_yyyy_mm_dd() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        LocalDate day = LocalDate.parse(yesterday);
        for (String date : List.of("[" + day.getYear() + "," + day.getMonthValue() + "," + day.getDayOfMonth() + "]",
                "\"" + yesterday + "T00:00:00Z\"", "\"" + yesterday + "T00:00:00\"", "" + day.toEpochDay(),
                "\"" + yesterday.replace("-", "") + "\"", "\" " + yesterday + "\"")) {
            var response = register(citizen, hours(date, "2")).expectProblem(400, "invalid-field-type");

            assertThat(response.problemFields()).as(date).containsExactly("date");
        }
        assertThat(service.api().get("/api/v1/me/hours").bearer(citizen.token()).send().expect(200)
                .json().path("items")).isEmpty();
    }

    @Test
    void hours_that_are_not_exactly_whole_quarters_are_422_not_rounded() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String value : List.of("0.2500000000000000000001", "0.24999999999999999999", "7.3", "0.1", "1e-300")) {
            var response = register(citizen, hours("\"" + yesterday + "\"", value)).expectProblem(422, "validation-failed");

            assertThat(response.problemFields()).as(value).containsExactly("hours");
        }
        register(citizen, hours("\"" + yesterday + "\"", "7.50")).expect(201);
        assertThat(service.api().get("/api/v1/me/hours/summary").bearer(citizen.token()).send().expect(200)
                .json().path("totalHours").decimalValue()).isEqualByComparingTo("7.5");
    }

    @Test
    void numbers_beyond_reason_are_refused_before_any_arithmetic() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String value : List.of("1e999999999", "-1e-999999999", "9".repeat(101))) {
            assertThat(register(citizen, hours("\"" + yesterday + "\"", value)).status()).as(value).isEqualTo(400);
        }
    }

    @Test
    void explicit_nulls_and_converted_scalars_are_400_naming_the_field() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String body : List.of(
                "{\"date\":\"" + yesterday + "\",\"employer\":{\"name\":\"Netto\"},\"hours\":2,\"note\":null}",
                "{\"date\":\"" + yesterday + "\",\"employer\":{\"name\":\"Netto\"},\"hours\":\"2\"}",
                "{\"date\":\"" + yesterday + "\",\"employer\":{\"name\":42},\"hours\":2}",
                "{\"date\":\"" + yesterday + "\",\"employer\":[{\"name\":\"Netto\"}],\"hours\":2}")) {
            var response = register(citizen, body).expectProblem(400, "invalid-field-type");

            assertThat(response.problemFields()).hasSize(1);
        }
    }

    @Test
    void a_parse_error_says_where_in_our_words_not_the_parsers() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String body : List.of("{\"hours\": NaN}", "{'date': 1}", "{\"date\": \"x\",}", "{\"a\":1} trailing",
                "{\"hours\": 01}", "[" .repeat(10_000))) {
            ApiResponse response = register(citizen, body);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("detail").asText()).as(body)
                    .doesNotContain("Feature", "enable", "jackson", "Jackson", "com.fasterxml", "REDACTED", "Source");
        }
    }

    @Test
    void a_cpr_number_with_spaces_or_a_line_break_is_refused_not_trimmed() {
        String cpr = Fixtures.newCpr().replace("-", "");
        for (String sent : List.of(" " + cpr, cpr + " ", cpr + "\n", cpr.substring(0, 6) + " " + cpr.substring(6),
                "\t" + cpr)) {
            Map<String, Object> body = Fixtures.enrollment(Fixtures.newCpr(), "cw");
            body.put("cpr", sent);

            var response = service.api().put("/api/v1/integration/municipalities/851/citizens/REF-" + UUID.randomUUID())
                    .bearer(service.issuers().integration("851")).json(body).invalid().send()
                    .expectProblem(422, "validation-failed");

            assertThat(response.problemFields()).containsExactly("cpr");
        }
    }

    @Test
    void an_empty_query_parameter_is_400_on_every_route_that_has_one() {
        OperationFixtures fixtures = new OperationFixtures(service);
        int checked = 0;
        for (OpenApiContract.Operation operation : fixtures.contract().operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (String name : fixtures.queryParameters(operation)) {
                String others = fixtures.requiredQuery(operation, name);
                for (String empty : List.of(name + "=", name)) {
                    String query = others.isEmpty() ? "?" + empty : "?" + others + "&" + empty;
                    ApiResponse response = service.api().get(fixtures.path(operation) + query)
                            .bearer(fixtures.token(operation)).invalid().send().expectProblem(400, "invalid-parameter");

                    assertThat(response.problemFields()).as(operation.id() + query).containsExactly(name);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void head_answers_like_get_without_a_body_on_every_get_route() {
        OperationFixtures fixtures = new OperationFixtures(service);
        int answered = 0;
        for (OpenApiContract.Operation operation : fixtures.contract().operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            String token = fixtures.token(operation);
            String query = fixtures.requiredQuery(operation, null);
            String path = fixtures.path(operation) + (query.isEmpty() ? "" : "?" + query);
            ApiResponse get = service.api().get(path).bearer(token).invalid().send();
            ApiResponse head = service.api().request("HEAD", path).bearer(token).invalid().send();

            assertThat(head.status()).as(operation.id()).isEqualTo(get.status());
            answered += get.status() < 400 ? 1 : 0;
            assertThat(head.bodyText()).isEmpty();
            assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            if (get.header("ETag").isPresent()) {
                assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
            }
            if (get.status() == 200) {
                assertThat(head.header("Content-Length")).as(operation.id())
                        .contains(String.valueOf(get.bodyText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            }
        }
        assertThat(answered).as("GET routes the fixtures reach with a 2xx").isGreaterThanOrEqualTo(15);
    }

    @Test
    void head_honours_if_none_match() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        String etag = service.api().get("/api/v1/me").bearer(citizen.token()).send().expect(200).etag();

        ApiResponse head = service.api().request("HEAD", "/api/v1/me").bearer(citizen.token())
                .header("If-None-Match", etag).send();

        assertThat(head.status()).isEqualTo(304);
    }
}
