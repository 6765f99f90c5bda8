package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.TestService;

/** Survey administrators' questionnaires: checked definitions, drafts, publishing, versions, FHIR. */
class QuestionnaireAdminApiTest {

    private static final TestService SERVICE = TestService.get();
    private static final Api API = SERVICE.api();

    @BeforeAll
    static void keys() {
        SurveyFixtures.awaitKeys(API, SERVICE.issuers());
    }

    private static String admin() {
        return SERVICE.issuers().surveyAdmin();
    }

    private static JsonNode create(Map<String, Object> definition) {
        return API.post("/api/v1/admin/questionnaires").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(definition).send().expect(201).json();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changed(Consumer<List<Map<String, Object>>> change) {
        Map<String, Object> definition = new LinkedHashMap<>(SurveyFixtures.definition());
        List<Map<String, Object>> items = new ArrayList<>();
        ((List<Map<String, Object>>) definition.get("items")).forEach(item -> items.add(new LinkedHashMap<>(item)));
        change.accept(items);
        definition.put("items", items);
        return definition;
    }

    @Test
    void every_fault_of_a_definition_is_named_by_its_place() {
        record Case(Map<String, Object> definition, String field) {
        }
        List<Case> cases = List.of(
                new Case(changed(items -> items.get(3).put("enableWhen",
                        List.of(Map.of("question", "mentor", "operator", "=", "answer", "maybe")))),
                        "items[3].enableWhen[0].answer"),
                new Case(changed(items -> items.get(3).put("enableWhen",
                        List.of(Map.of("question", "closer", "operator", "=", "answer", 3)))),
                        "items[3].enableWhen[0].question"),
                new Case(changed(items -> items.get(3).put("enableWhen",
                        List.of(Map.of("question", "mentor", "operator", ">=", "answer", "yes")))),
                        "items[3].enableWhen[0].operator"),
                new Case(changed(items -> items.get(2).put("id", "overall")), "items[2].id"),
                new Case(changed(items -> items.get(1).put("text", Map.of("en", "Only English"))), "items[1].text.da"),
                new Case(changed(items -> items.get(1).put("options", SurveyFixtures.likertLabels().subList(0, 4))),
                        "items[1].options"),
                new Case(changed(items -> items.get(6).remove("maxLength")), "items[6].maxLength"),
                new Case(changed(items -> items.get(0).put("required", true)), "items[0].required"),
                new Case(changed(items -> items.get(2).put("options", List.of(SurveyFixtures.option("yes", "Ja", null),
                        SurveyFixtures.option("yes", "Også ja", null)))), "items[2].options[1].code"),
                new Case(changed(items -> items.get(1).put("text", Map.of("da", "x", "english", "y"))), "items[1].text"),
                new Case(changed(items -> items.get(4).put("options", SurveyFixtures.likertLabels())), "items[4].options"));
        for (Case bad : cases) {
            var response = API.post("/api/v1/admin/questionnaires").bearer(admin())
                    .idempotencyKey(UUID.randomUUID().toString()).json(bad.definition()).invalid().send();
            response.expectProblem(422, "validation-failed");
            assertThat(response.problemFields()).as(bad.field()).contains(bad.field());
        }
        API.post("/api/v1/admin/questionnaires").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(changed(items -> items.get(1).put("type", "likert7"))).invalid().send()
                .expectProblem(422, "validation-failed");
    }

    @Test
    void a_draft_can_change_a_published_version_cannot_and_editing_makes_a_new_version() {
        JsonNode draft = create(SurveyFixtures.definition());
        String base = "/api/v1/admin/questionnaires/" + draft.path("questionnaireId").asText();
        Map<String, Object> edited = changed(items -> items.remove(6));

        JsonNode saved = API.put(base + "/versions/1").bearer(admin()).ifMatch("\"1\"").json(edited).send().expect(200)
                .json();
        API.put(base + "/versions/1").bearer(admin()).ifMatch("\"1\"").json(SurveyFixtures.definition()).send()
                .expectProblem(412, "version-conflict");
        var published = API.post(base + "/versions/1/publish").bearer(admin()).ifMatch("\"2\"").send().expect(200);
        API.put(base + "/versions/1").bearer(admin()).ifMatch(published.etag()).json(SurveyFixtures.definition()).send()
                .expectProblem(409, "questionnaire-version-published");
        JsonNode second = API.post(base + "/versions").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(SurveyFixtures.definition()).send().expect(201).json();
        API.post(base + "/versions").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(SurveyFixtures.definition()).send().expectProblem(409, "draft-exists");
        JsonNode summary = API.get(base).bearer(admin()).send().expect(200).json();

        assertThat(saved.path("revision").asLong()).isEqualTo(2);
        assertThat(saved.path("items")).hasSize(6);
        assertThat(published.json().path("status").asText()).isEqualTo("published");
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(second.path("status").asText()).isEqualTo("draft");
        assertThat(summary.path("versions")).extracting(v -> v.path("status").asText())
                .containsExactly("published", "draft");
        assertThat(API.get(base + "/versions/1").bearer(admin()).send().expect(200).json().path("items")).hasSize(6);
        assertThat(API.get("/api/v1/admin/questionnaires?limit=100").bearer(admin()).send().expect(200).json()
                .path("items")).isNotEmpty();
    }

    @Test
    void a_round_needs_a_published_version_and_real_copenhagen_times() {
        JsonNode draft = create(SurveyFixtures.definition());
        String id = draft.path("questionnaireId").asText();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("questionnaireId", id);
        round.put("questionnaireVersion", 1);
        round.put("title", SurveyFixtures.texts("Runde", null));
        round.put("target", Map.of("municipalities", List.of("540")));
        round.put("opensAtLocal", "2099-03-29T02:30");
        round.put("closesAtLocal", "2099-10-25T02:30");

        var refused = API.post("/api/v1/admin/survey-rounds").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(round).send().expectProblem(422, "validation-failed");
        assertThat(refused.problemFields()).contains("opensAtLocal", "closesAtLocal");
        round.put("opensAtLocal", "2099-03-29T03:00");
        round.put("closesAtLocal", "2099-10-25T03:00");
        assertThat(API.post("/api/v1/admin/survey-rounds").bearer(admin()).idempotencyKey(UUID.randomUUID().toString())
                .json(round).send().expectProblem(422, "validation-failed").problemFields())
                .containsExactly("questionnaireVersion");
        API.post("/api/v1/admin/questionnaires/" + id + "/versions/1/publish").bearer(admin()).ifMatch("\"1\"").send()
                .expect(200);
        JsonNode created = API.post("/api/v1/admin/survey-rounds").bearer(admin())
                .idempotencyKey(UUID.randomUUID().toString()).json(round).send().expect(201).json();

        assertThat(created.path("opensAt").asText()).as("summer time: UTC+2").isEqualTo("2099-03-29T01:00:00Z");
        assertThat(created.path("closesAt").asText()).as("winter time: UTC+1").isEqualTo("2099-10-25T02:00:00Z");
        assertThat(created.path("status").asText()).isEqualTo("scheduled");
        assertThat(API.get("/api/v1/admin/survey-rounds/" + created.path("roundId").asText()).bearer(admin()).send()
                .expect(200).json().has("invited")).isFalse();
        assertThat(API.get("/api/v1/admin/survey-rounds").bearer(admin()).send().expect(200).json().path("items"))
                .isNotEmpty();
    }

    @Test
    void only_survey_administrators_manage_questionnaires() {
        API.get("/api/v1/admin/questionnaires").bearer(SERVICE.issuers().evaluator()).send()
                .expectProblem(403, "role-required");
        API.get("/api/v1/admin/survey-rounds").bearer(SERVICE.issuers().caseworker("851")).send()
                .expectProblem(403, "role-required");
        API.get("/api/v1/admin/questionnaires/nope/versions/1").bearer(admin()).send()
                .expectProblem(404, "questionnaire-not-found");
    }

    @Test
    void the_fhir_export_parses_back_with_items_types_options_and_conditions() {
        JsonNode draft = create(SurveyFixtures.definition());
        String base = "/api/v1/admin/questionnaires/" + draft.path("questionnaireId").asText() + "/versions/1";
        API.post(base + "/publish").bearer(admin()).ifMatch("\"1\"").send().expect(200);

        var response = API.get(base + "/fhir").bearer(admin()).send().expect(200);
        Questionnaire fhir = FhirQuestionnaire.context().newJsonParser()
                .parseResource(Questionnaire.class, response.bodyText());

        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        assertThat(fhir.getStatus()).isEqualTo(Enumerations.PublicationStatus.ACTIVE);
        assertThat(fhir.getTitle()).isEqualTo("Testundersøgelse");
        assertThat(fhir.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactly("intro", "overall", "mentor", "mentor-helped", "closer", "helped", "comment");
        assertThat(fhir.getItem()).extracting(i -> i.getType().toCode())
                .containsExactly("display", "choice", "choice", "choice", "integer", "choice", "text");
        QuestionnaireItemComponent overall = fhir.getItem().get(1);
        assertThat(overall.getRequired()).isTrue();
        assertThat(overall.getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(overall.getAnswerOption().get(4).getValueCoding().getDisplay()).isEqualTo("Meget tilfreds");
        assertThat(overall.getTextElement().getExtensionByUrl(FhirQuestionnaire.TRANSLATION)
                .getExtensionString("content")).isEqualTo("How satisfied are you?");
        QuestionnaireItemComponent helped = fhir.getItem().get(3);
        assertThat(helped.getEnableWhen()).hasSize(1);
        assertThat(helped.getEnableWhenFirstRep().getQuestion()).isEqualTo("mentor");
        assertThat(helped.getEnableWhenFirstRep().getOperator().toCode()).isEqualTo("=");
        assertThat(((Coding) helped.getEnableWhenFirstRep().getAnswer()).getCode()).isEqualTo("yes");
        assertThat(fhir.getItem().get(4).getExtensionByUrl(FhirQuestionnaire.MAX_VALUE).getValue().primitiveValue())
                .isEqualTo("10");
        assertThat(fhir.getItem().get(5).getRepeats()).isTrue();
        assertThat(fhir.getItem().get(6).getMaxLength()).isEqualTo(200);
    }
}
