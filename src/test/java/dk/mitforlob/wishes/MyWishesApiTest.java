package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ApiResponse;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen states their interests and wishes: versions, stale writes, validation, history. */
class MyWishesApiTest {

    private final TestService service = TestService.get();

    /** A valid document: a mentor and more paid hours, sales work, 10 hours a week. */
    static Map<String, Object> document() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interests", Map.of("occupations", List.of("52"), "text", "Butik og lager"));
        body.put("wishes", List.of(Map.of("type", "mentor"),
                Map.of("type", "more-paid-hours", "comment", "Op på 12 timer")));
        body.put("hoursPerWeek", 10);
        body.put("constraints", "Ingen bil, kan ikke før kl. 9");
        body.put("whatMatters", "Et arbejde med gode kolleger");
        return body;
    }

    private ApiResponse put(TestCitizen citizen, String etag, Object body) {
        return service.api().put("/api/v1/me/wishes").bearer(citizen.token()).ifMatch(etag).json(body).send();
    }

    /** Sends a body the contract itself refuses, to see the service refuse it too. */
    private ApiResponse putInvalid(TestCitizen citizen, String etag, Object body) {
        return service.api().put("/api/v1/me/wishes").bearer(citizen.token()).ifMatch(etag).json(body).invalid().send();
    }

    private JsonNode get(TestCitizen citizen) {
        return service.api().get("/api/v1/me/wishes").bearer(citizen.token()).send().expect(200).json();
    }

    @Test
    void before_anything_is_stated_the_wishes_are_empty_at_version_0() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse response = service.api().get("/api/v1/me/wishes").bearer(citizen.token()).send().expect(200);

        assertThat(response.etag()).isEqualTo("\"0\"");
        assertThat(response.json().path("version").asLong()).isZero();
        assertThat(response.json().path("wishes")).isEmpty();
        assertThat(response.json().path("interests").path("occupations")).isEmpty();
        assertThat(response.json().has("changedAt")).isFalse();
    }

    @Test
    void the_first_write_with_if_match_0_makes_version_1_and_it_reads_back() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        ApiResponse written = put(citizen, "\"0\"", document()).expect(200);

        assertThat(written.etag()).isEqualTo("\"1\"");
        JsonNode wishes = get(citizen);
        assertThat(wishes.path("version").asLong()).isEqualTo(1);
        assertThat(wishes.path("changedAt").asText()).isNotBlank();
        assertThat(wishes.path("interests").path("occupations").get(0).asText()).isEqualTo("52");
        assertThat(wishes.path("wishes").findValuesAsText("type")).as("kept in the order of the wish list")
                .containsExactly("more-paid-hours", "mentor");
        assertThat(wishes.path("hoursPerWeek").asInt()).isEqualTo(10);
        assertThat(wishes.path("constraints").asText()).isEqualTo("Ingen bil, kan ikke før kl. 9");
    }

    @Test
    void every_change_is_a_new_version() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> changed = document();
        changed.put("hoursPerWeek", 12.5);

        ApiResponse second = put(citizen, "\"1\"", changed).expect(200);

        assertThat(second.etag()).isEqualTo("\"2\"");
        assertThat(second.json().path("hoursPerWeek").asDouble()).isEqualTo(12.5);
    }

    @Test
    void a_write_without_if_match_is_428() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().put("/api/v1/me/wishes").bearer(citizen.token()).json(document()).invalid().send()
                .expectProblem(428, "if-match-required");
    }

    @Test
    void a_stale_write_is_412_with_the_current_etag_and_changes_nothing() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> fromAnotherPhone = document();
        fromAnotherPhone.put("whatMatters", "Noget andet");
        put(citizen, "\"1\"", fromAnotherPhone).expect(200);

        ApiResponse stale = put(citizen, "\"1\"", document()).expectProblem(412, "version-conflict");

        assertThat(stale.header("ETag")).contains("\"2\"");
        assertThat(get(citizen).path("whatMatters").asText()).isEqualTo("Noget andet");
    }

    @Test
    void a_first_write_over_other_existing_wishes_is_412() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> other = document();
        other.put("whatMatters", "Noget helt andet");

        put(citizen, "\"0\"", other).expectProblem(412, "version-conflict");
    }

    @Test
    void a_retried_write_that_already_went_through_is_200_and_makes_no_new_version() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);

        ApiResponse retry = put(citizen, "\"0\"", document()).expect(200);

        assertThat(retry.etag()).isEqualTo("\"1\"");
        JsonNode history = service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send().expect(200)
                .json();
        assertThat(history.path("items")).hasSize(1);
    }

    @Test
    void copies_of_one_write_sent_at_once_all_get_200_and_make_one_version() throws Exception {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<ApiResponse>>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> put(citizen, "\"0\"", document())));
        }
        for (var answer : answers) {
            answer.get().expect(200);
        }
        pool.shutdown();

        JsonNode history = service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send().expect(200)
                .json();
        assertThat(history.path("items")).hasSize(1);
    }

    @Test
    void an_if_match_that_does_not_parse_is_400() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        for (String broken : List.of("0", "\"0", "W/", "\"0\" \"1\"", "*, \"0\"")) {
            putInvalid(citizen, broken, document()).expectProblem(400, "invalid-if-match");
        }
    }

    @Test
    void a_well_formed_if_match_that_names_no_current_version_is_412_with_the_current_etag() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        for (String stale : List.of("\"abc\"", "W/\"0\"", "\"7\"", "\"7\", \"8\"", "W/\"0\", \"5\"")) {
            assertThat(put(citizen, stale, document()).expectProblem(412, "version-conflict").etag()).isEqualTo("\"0\"");
        }
    }

    @Test
    void if_match_star_or_a_list_naming_the_current_version_writes() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        put(citizen, "*", document()).expect(200);
        Map<String, Object> changed = document();
        changed.put("whatMatters", "At have en hverdag");
        var second = put(citizen, "\"7\", W/\"1\", \"1\"", changed).expect(200);

        assertThat(second.etag()).isEqualTo("\"2\"");
    }

    @Test
    void writing_the_same_wishes_again_in_another_order_makes_no_new_version() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> reordered = document();
        reordered.put("wishes", List.of(Map.of("type", "more-paid-hours", "comment", " Op på 12 timer "),
                Map.of("type", "mentor")));
        reordered.put("hoursPerWeek", 10.0);

        ApiResponse again = put(citizen, "\"1\"", reordered).expect(200);

        assertThat(again.etag()).isEqualTo("\"1\"");
        assertThat(service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send().expect(200).json()
                .path("items")).hasSize(1);
    }

    @Test
    void a_reader_with_the_current_etag_gets_304_and_a_changed_version_gets_200() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        service.api().get("/api/v1/me/wishes").bearer(citizen.token()).header("If-None-Match", "\"0\"").send()
                .expect(304);
        put(citizen, "\"0\"", document()).expect(200);

        ApiResponse changed = service.api().get("/api/v1/me/wishes").bearer(citizen.token())
                .header("If-None-Match", "\"0\"").send().expect(200);
        service.api().get("/api/v1/me/wishes").bearer(citizen.token()).header("If-None-Match", changed.etag()).send()
                .expect(304);
    }

    @Test
    void invalid_values_are_422_naming_every_field_by_its_place() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("interests", Map.of("occupations", List.of("52", "99", "52"), "text", "x".repeat(1001)));
        bad.put("wishes", List.of(Map.of("type", "mentor"), Map.of("type", "other"),
                Map.of("type", "mentor", "comment", "y".repeat(501))));
        bad.put("hoursPerWeek", 7.25);
        bad.put("constraints", "z".repeat(1001));
        bad.put("whatMatters", "æ".repeat(2001));

        ApiResponse response = putInvalid(citizen, "\"0\"", bad).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactlyInAnyOrder("interests.occupations[1]",
                "interests.occupations[2]", "interests.text", "wishes[1].comment", "wishes[2].comment",
                "wishes[2].type", "hoursPerWeek", "constraints", "whatMatters");
        assertThat(get(citizen).path("version").asLong()).as("nothing was stored").isZero();
    }

    @Test
    void an_unknown_occupation_code_is_422_naming_it() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> body = document();
        body.put("interests", Map.of("occupations", List.of("5", "77")));

        ApiResponse response = put(citizen, "\"0\"", body).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("interests.occupations[1]");
    }

    @Test
    void an_unknown_wish_type_is_422_naming_it() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> body = document();
        body.put("wishes", List.of(Map.of("type", "mentor"), Map.of("type", "a-pony")));

        ApiResponse response = putInvalid(citizen, "\"0\"", body).expectProblem(422, "validation-failed");

        assertThat(response.problemFields()).containsExactly("wishes[1].type");
    }

    @Test
    void an_unknown_field_or_a_wrong_type_is_400_naming_the_field() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        Map<String, Object> unknown = document();
        unknown.put("favouriteColour", "blue");
        Map<String, Object> wrongType = document();
        wrongType.put("hoursPerWeek", "ten");

        ApiResponse first = putInvalid(citizen, "\"0\"", unknown).expectProblem(400, "unknown-field");
        ApiResponse second = putInvalid(citizen, "\"0\"", wrongType).expectProblem(400, "invalid-field-type");

        assertThat(first.problemFields()).containsExactly("favouriteColour");
        assertThat(second.problemFields()).containsExactly("hoursPerWeek");
    }

    @Test
    void an_empty_document_clears_everything_in_a_new_version() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);

        JsonNode cleared = put(citizen, "\"1\"", Map.of()).expect(200).json();

        assertThat(cleared.path("version").asLong()).isEqualTo(2);
        assertThat(cleared.path("wishes")).isEmpty();
        assertThat(cleared.has("hoursPerWeek")).isFalse();
        assertThat(cleared.has("constraints")).isFalse();
    }

    @Test
    void the_history_lists_every_version_newest_first_with_what_changed() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> changed = document();
        changed.put("wishes", List.of(Map.of("type", "mentor"), Map.of("type", "education-or-course")));
        changed.put("hoursPerWeek", 15);
        put(citizen, "\"1\"", changed).expect(200);

        JsonNode history = service.api().get("/api/v1/me/wishes/history").bearer(citizen.token()).send()
                .expect(200).json();

        assertThat(history.path("items").findValuesAsText("version")).containsExactly("2", "1");
        JsonNode latest = history.path("items").get(0);
        assertThat(latest.path("summary").asText()).isEqualTo(
                "Nyt ønske: Uddannelse eller kursus. Fjernet ønske: Flere lønnede timer. Timer om ugen: 10 → 15.");
        assertThat(latest.path("changes").path("addedWishes").get(0).asText()).isEqualTo("education-or-course");
        assertThat(latest.path("wishes").path("hoursPerWeek").asInt()).isEqualTo(15);
        assertThat(history.path("items").get(1).path("wishes").path("hoursPerWeek").asInt()).isEqualTo(10);
    }

    @Test
    void the_history_pages_with_a_cursor() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        put(citizen, "\"0\"", document()).expect(200);
        Map<String, Object> changed = document();
        changed.put("hoursPerWeek", 20);
        put(citizen, "\"1\"", changed).expect(200);

        JsonNode first = service.api().get("/api/v1/me/wishes/history?limit=1").bearer(citizen.token()).send()
                .expect(200).json();
        JsonNode second = service.api().get("/api/v1/me/wishes/history?limit=1&cursor="
                + first.path("nextCursor").asText()).bearer(citizen.token()).send().expect(200).json();

        assertThat(first.path("items").findValuesAsText("version")).containsExactly("2");
        assertThat(second.path("items").findValuesAsText("version")).containsExactly("1");
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void a_cursor_of_another_list_is_400() {
        TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().get("/api/v1/me/wishes/history?cursor=bm9wZQ").bearer(citizen.token()).send()
                .expectProblem(400, "invalid-cursor");
    }
}
