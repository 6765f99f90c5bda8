package dk.mitforlob.survey;

import static dk.mitforlob.survey.SurveyFixtures.answer;
import static dk.mitforlob.survey.SurveyFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** The citizen's side of the survey: the list, the questionnaire in their language, answering once. */
class MySurveysApiTest {

    private static final TestService SERVICE = TestService.get();
    private static final Api API = SERVICE.api();
    private static String roundId;
    private static String questionnaireId;

    @BeforeAll
    static void aRoundForSoenderborg() {
        questionnaireId = SurveyFixtures.publishedQuestionnaire(API, SERVICE.issuers(), SurveyFixtures.definition());
        roundId = round();
    }

    /** Sønderborg's citizens enrolled before this call are invited. */
    private static String round() {
        Instant now = SERVICE.clock().instant();
        return SurveyFixtures.round(API, SERVICE.issuers(), questionnaireId, List.of("540"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))).path("roundId").asText();
    }

    private static TestCitizen invited() {
        TestCitizen citizen = Fixtures.enrollCitizen(SERVICE, "540");
        String round = round();
        return new TestCitizen(citizen.citizenId() + "|" + round, citizen.municipality(), citizen.externalRef(),
                citizen.cpr(), citizen.token());
    }

    private static String roundOf(TestCitizen citizen) {
        return citizen.citizenId().substring(citizen.citizenId().indexOf('|') + 1);
    }

    private static JsonNode submit(TestCitizen citizen, Map<String, Object> body, int status) {
        return API.post("/api/v1/me/surveys/" + roundOf(citizen) + "/response").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(body).send().expect(status).json();
    }

    @Test
    void an_invited_citizen_sees_the_round_and_the_questionnaire_in_danish() {
        TestCitizen citizen = invited();

        JsonNode list = API.get("/api/v1/me/surveys").bearer(citizen.token()).send().expect(200).json();
        JsonNode questionnaire = API.get("/api/v1/me/surveys/" + roundOf(citizen)).bearer(citizen.token()).send()
                .expect(200).json();

        assertThat(list.path("items")).anySatisfy(item -> {
            assertThat(item.path("roundId").asText()).isEqualTo(roundOf(citizen));
            assertThat(item.path("title").asText()).isEqualTo("Runde");
            assertThat(item.path("answered").asBoolean()).isFalse();
        });
        assertThat(questionnaire.path("language").asText()).isEqualTo("da");
        assertThat(questionnaire.path("items").get(1).path("text").asText()).isEqualTo("Hvor tilfreds er du?");
        assertThat(questionnaire.path("items").get(1).path("options").get(4).path("label").asText())
                .isEqualTo("Meget tilfreds");
        assertThat(questionnaire.path("items").get(3).path("enableWhen").get(0).path("answer").asText()).isEqualTo("yes");
    }

    @Test
    void an_english_speaking_citizen_gets_english_and_danish_where_english_is_missing() {
        Map<String, Object> enrollment = new java.util.LinkedHashMap<>(Fixtures.enrollment(Fixtures.newCpr(), "cw"));
        enrollment.put("language", "en");
        String cpr = (String) enrollment.get("cpr");
        API.put("/api/v1/integration/municipalities/540/citizens/EN-" + UUID.randomUUID())
                .bearer(SERVICE.issuers().integration("540")).json(enrollment).send().expect(201);
        String round = round();

        JsonNode questionnaire = API.get("/api/v1/me/surveys/" + round).bearer(SERVICE.issuers().citizen(cpr)).send()
                .expect(200).json();

        assertThat(questionnaire.path("language").asText()).isEqualTo("en");
        assertThat(questionnaire.path("title").asText()).isEqualTo("Round");
        assertThat(questionnaire.path("items").get(1).path("text").asText()).isEqualTo("How satisfied are you?");
        assertThat(questionnaire.path("items").get(5).path("text").asText()).as("no English text").isEqualTo("Hvad hjalp?");
    }

    @Test
    void an_answer_is_stored_once_and_a_retry_with_the_key_gets_the_same_answer() {
        TestCitizen citizen = invited();
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/me/surveys/" + roundOf(citizen) + "/response";

        var first = API.post(path).bearer(citizen.token()).idempotencyKey(key).json(response(4, "yes", 5)).send()
                .expect(201);
        var retry = API.post(path).bearer(citizen.token()).idempotencyKey(key).json(response(4, "yes", 5)).send()
                .expect(201);
        var second = API.post(path).bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString())
                .json(response(2, "no", null)).send();

        assertThat(first.json().path("answered").asBoolean()).isTrue();
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        second.expectProblem(409, "already-answered");
        assertThat(API.get("/api/v1/me/surveys").bearer(citizen.token()).send().json().path("items"))
                .filteredOn(item -> item.path("roundId").asText().equals(roundOf(citizen)))
                .allSatisfy(item -> assertThat(item.path("answered").asBoolean()).isTrue());
    }

    @Test
    void an_answer_without_an_idempotency_key_is_refused() {
        TestCitizen citizen = invited();
        API.post("/api/v1/me/surveys/" + roundOf(citizen) + "/response").bearer(citizen.token())
                .json(response(4, "no", null)).invalid().send().expectProblem(400, "idempotency-key-required");
    }

    @Test
    void answers_are_checked_against_the_questionnaire_and_each_fault_is_named() {
        TestCitizen citizen = invited();

        record Case(Map<String, Object> body, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("answers", List.of(answer("overall", 6), answer("mentor", "no"))), "answers[0].value"),
                new Case(Map.of("answers", List.of(answer("overall", "4"), answer("mentor", "no"))), "answers[0].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4.0), answer("mentor", "no"))), "answers[0].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "maybe"))), "answers[1].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("helped", List.of("talks", "talks")))), "answers[2].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("closer", 11))), "answers[2].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("comment", "x".repeat(201)))), "answers[2].value"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("nonsense", 1))), "answers[2].itemId"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("intro", "x"))), "answers[2].itemId"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "no"),
                        answer("mentor-helped", 3))), "answers[2].itemId"),
                new Case(Map.of("answers", List.of(answer("overall", 4), answer("mentor", "yes"))), "answers"),
                new Case(Map.of("answers", List.of(answer("mentor", "no"))), "answers"));
        for (Case bad : cases) {
            var response = API.post("/api/v1/me/surveys/" + roundOf(citizen) + "/response").bearer(citizen.token())
                    .idempotencyKey(UUID.randomUUID().toString()).json(bad.body()).invalid().send();
            assertThat(response.status()).as(bad.toString()).isIn(400, 422);
            assertThat(response.problemFields()).as(bad.toString()).contains(bad.field());
        }
        submit(citizen, response(3, "no", null), 201);
    }

    @Test
    void a_round_not_for_the_citizen_is_not_found() {
        TestCitizen elsewhere = Fixtures.enrollCitizen(SERVICE, "550");
        String round = round();

        API.get("/api/v1/me/surveys/" + round).bearer(elsewhere.token()).send()
                .expectProblem(404, "survey-round-not-found");
        API.post("/api/v1/me/surveys/" + round + "/response").bearer(elsewhere.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(response(4, "no", null)).send()
                .expectProblem(404, "survey-round-not-found");
        assertThat(API.get("/api/v1/me/surveys").bearer(elsewhere.token()).send().json().path("items"))
                .noneSatisfy(item -> assertThat(item.path("roundId").asText()).isEqualTo(round));
    }

    @Test
    void a_citizen_enrolled_after_the_round_opened_is_not_invited() {
        String round = round();
        TestCitizen late = Fixtures.enrollCitizen(SERVICE, "540");

        API.get("/api/v1/me/surveys/" + round).bearer(late.token()).send().expectProblem(404, "survey-round-not-found");
    }

    @Test
    void a_closed_round_cannot_be_answered() {
        TestCitizen citizen = invited();
        try {
            SERVICE.clock().set(Instant.now().plus(Duration.ofDays(31)));
            API.get("/api/v1/me/surveys/" + roundOf(citizen)).bearer(citizen.token()).send()
                    .expectProblem(409, "survey-round-closed");
            API.post("/api/v1/me/surveys/" + roundOf(citizen) + "/response").bearer(citizen.token())
                    .idempotencyKey(UUID.randomUUID().toString()).json(response(4, "no", null)).send()
                    .expectProblem(409, "survey-round-closed");
        } finally {
            SERVICE.clock().reset();
        }
    }

    @Test
    void nothing_stored_with_an_answer_points_to_the_person() {
        TestCitizen citizen = invited();
        submit(citizen, Map.of("answers", List.of(answer("overall", 5), answer("mentor", "no"),
                answer("comment", "Min mentor Hans var god"))), 201);

        try (MongoStore store = SERVICE.openStore()) {
            for (Document bucket : store.collection("survey_answers").find(new Document("roundId", roundOf(citizen)))) {
                String json = bucket.toJson();
                assertThat(json).doesNotContain(citizen.citizenId().substring(0, citizen.citizenId().indexOf('|')));
                assertThat(json).doesNotContain("Hans").doesNotContain("requestId").doesNotContain("$date");
                bucket.getList("answers", Document.class).forEach(entry ->
                        assertThat(entry.keySet()).containsExactlyInAnyOrder("id", "week", "values"));
            }
            Document participation = store.collection("survey_participation").find(new Document("roundId",
                    roundOf(citizen))).first();
            assertThat(participation.getString("state")).isEqualTo("answered");
            assertThat(participation.keySet()).doesNotContain("pending", "pendingSince", "answeredAt");
            Document text = store.collection("survey_free_texts").find(new Document("roundId", roundOf(citizen))).first();
            assertThat(text.keySet()).containsExactlyInAnyOrder("_id", "roundId", "itemId", "text");
        }
    }
}
