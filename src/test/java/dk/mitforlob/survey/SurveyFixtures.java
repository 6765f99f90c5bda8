package dk.mitforlob.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.TestIssuers;

/** Questionnaire definitions, rounds and answers as the API takes them. */
final class SurveyFixtures {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private SurveyFixtures() {
    }

    static Map<String, String> texts(String da, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("da", da);
        if (en != null) {
            texts.put("en", en);
        }
        return texts;
    }

    static Map<String, Object> option(String code, String da, String en) {
        return Map.of("code", code, "label", texts(da, en));
    }

    static List<Map<String, Object>> likertLabels() {
        return List.of(option("1", "Meget utilfreds", "Very dissatisfied"), option("2", "Utilfreds", "Dissatisfied"),
                option("3", "Hverken eller", "Neither"), option("4", "Tilfreds", "Satisfied"),
                option("5", "Meget tilfreds", "Very satisfied"));
    }

    static Map<String, Object> item(String id, String type, String da, String en, boolean required) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("type", type);
        item.put("text", texts(da, en));
        item.put("required", required);
        return item;
    }

    /**
     * A small questionnaire covering every item type: intro (display), overall (likert5, required),
     * mentor (single yes/no, required), mentor-helped (likert5, required, shown when mentor = yes),
     * closer (scale0to10, optional), helped (multi, optional), comment (text, optional, 200).
     */
    static Map<String, Object> definition() {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("intro", "display", "Dine svar er anonyme.", "Your answers are anonymous.", false));
        Map<String, Object> overall = item("overall", "likert5", "Hvor tilfreds er du?", "How satisfied are you?", true);
        overall.put("options", likertLabels());
        items.add(overall);
        Map<String, Object> mentor = item("mentor", "single", "Har du en mentor?", "Do you have a mentor?", true);
        mentor.put("options", List.of(option("yes", "Ja", "Yes"), option("no", "Nej", "No")));
        items.add(mentor);
        Map<String, Object> helped = item("mentor-helped", "likert5", "Hjalp mentoren?", "Did the mentor help?", true);
        helped.put("options", likertLabels());
        helped.put("enableWhen", List.of(Map.of("question", "mentor", "operator", "=", "answer", "yes")));
        items.add(helped);
        items.add(item("closer", "scale0to10", "Hvor tæt på arbejde?", "How close to work?", false));
        Map<String, Object> what = item("helped", "multi", "Hvad hjalp?", null, false);
        what.put("options", List.of(option("talks", "Samtaler", "Talks"), option("course", "Kursus", "Course"),
                option("placement", "Praktik", "Placement")));
        items.add(what);
        Map<String, Object> comment = item("comment", "text", "Kommentar?", "Comment?", false);
        comment.put("maxLength", 200);
        items.add(comment);
        return Map.of("title", texts("Testundersøgelse", "Test survey"), "items", items);
    }

    /**
     * Waits until the issuers' keys are fetched: on a loaded machine the first fetch can time out,
     * which the service answers with 503 and Retry-After, and a client retries, as this does.
     */
    static void awaitKeys(Api api, TestIssuers issuers) {
        for (String token : List.of(issuers.surveyAdmin(), issuers.evaluator(), issuers.integration("540"))) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            while (api.get("/api/v1/admin/questionnaires").bearer(token).send().status() == 503
                    && System.nanoTime() < deadline) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates and publishes a questionnaire; returns its id. */
    static String publishedQuestionnaire(Api api, TestIssuers issuers, Map<String, Object> definition) {
        awaitKeys(api, issuers);
        JsonNode created = api.post("/api/v1/admin/questionnaires").bearer(issuers.surveyAdmin())
                .idempotencyKey(UUID.randomUUID().toString()).json(definition).send().expect(201).json();
        String id = created.path("questionnaireId").asText();
        api.post("/api/v1/admin/questionnaires/" + id + "/versions/1/publish").bearer(issuers.surveyAdmin())
                .ifMatch("\"" + created.path("revision").asLong() + "\"").send().expect(200);
        return id;
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, COPENHAGEN).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** A round of version 1 of the questionnaire for these municipalities, from {@code opens} to {@code closes}. */
    static JsonNode round(Api api, TestIssuers issuers, String questionnaireId, List<String> municipalities,
                          Instant opens, Instant closes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questionnaireId", questionnaireId);
        body.put("questionnaireVersion", 1);
        body.put("title", texts("Runde", "Round"));
        body.put("target", Map.of("municipalities", municipalities));
        body.put("opensAtLocal", local(opens));
        body.put("closesAtLocal", local(closes));
        return api.post("/api/v1/admin/survey-rounds").bearer(issuers.surveyAdmin())
                .idempotencyKey(UUID.randomUUID().toString()).json(body).send().expect(201).json();
    }

    static Map<String, Object> answer(String itemId, Object value) {
        return Map.of("itemId", itemId, "value", value);
    }

    /** A valid response: overall, mentor no, closer. */
    static Map<String, Object> response(int overall, String mentor, Integer helped) {
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(answer("overall", overall));
        answers.add(answer("mentor", mentor));
        if (helped != null) {
            answers.add(answer("mentor-helped", helped));
        }
        return Map.of("answers", answers);
    }
}
