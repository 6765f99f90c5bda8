package dk.mitforlob.survey;

import java.util.Date;
import java.util.Map;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.CodeType;

import ca.uhn.fhir.context.FhirContext;

/**
 * A questionnaire version as a FHIR R4 {@code Questionnaire}, built with HAPI's model so research
 * tools can read the definition: Danish texts with the other languages as {@code translation}
 * extensions; likert5 and single as {@code choice}, multi as a repeating {@code choice}, the 0–10
 * scale as {@code integer} with {@code minValue}/{@code maxValue}, text with {@code maxLength},
 * display as {@code display}; conditions as {@code enableWhen} (all must hold).
 */
public final class FhirQuestionnaire {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String BASE = "https://mitforlob.dk/fhir";
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    private FhirQuestionnaire() {
    }

    /** HAPI's context is costly to make (it reads the whole R4 model) and safe to share: made once, on first use. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4();
    }

    public static FhirContext context() {
        return Context.R4;
    }

    public static String json(QuestionnaireVersion version) {
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(of(version));
    }

    static Questionnaire of(QuestionnaireVersion version) {
        Definition definition = version.definition();
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId(version.questionnaireId() + "-" + version.version());
        questionnaire.setUrl(url(version.questionnaireId()));
        questionnaire.setVersion(Integer.toString(version.version()));
        questionnaire.setLanguage(Texts.DANISH);
        questionnaire.setStatus(version.published() ? Enumerations.PublicationStatus.ACTIVE
                : Enumerations.PublicationStatus.DRAFT);
        questionnaire.setDate(Date.from(version.published() ? version.publishedAt() : version.updatedAt()));
        questionnaire.setTitle(definition.title().get(Texts.DANISH));
        translate(questionnaire.getTitleElement(), definition.title());
        for (Item item : definition.items()) {
            questionnaire.addItem(item(version.questionnaireId(), item, definition));
        }
        return questionnaire;
    }

    static String url(String questionnaireId) {
        return BASE + "/Questionnaire/" + questionnaireId;
    }

    static String system(String questionnaireId, String itemId) {
        return url(questionnaireId) + "/item/" + itemId;
    }

    private static QuestionnaireItemComponent item(String questionnaireId, Item item, Definition definition) {
        QuestionnaireItemComponent fhir = new QuestionnaireItemComponent();
        fhir.setLinkId(item.id());
        fhir.setText(item.text().get(Texts.DANISH));
        translate(fhir.getTextElement(), item.text());
        switch (item.type()) {
            case LIKERT5, SINGLE -> fhir.setType(QuestionnaireItemType.CHOICE);
            case MULTI -> fhir.setType(QuestionnaireItemType.CHOICE).setRepeats(true);
            case SCALE_0_TO_10 -> {
                fhir.setType(QuestionnaireItemType.INTEGER);
                fhir.addExtension(MIN_VALUE, new IntegerType(0));
                fhir.addExtension(MAX_VALUE, new IntegerType(10));
            }
            case TEXT -> fhir.setType(QuestionnaireItemType.TEXT).setMaxLength(item.maxLength());
            case DISPLAY -> fhir.setType(QuestionnaireItemType.DISPLAY);
        }
        if (item.type().answerable()) {
            fhir.setRequired(item.isRequired());
        }
        for (AnswerOption option : item.options()) {
            Coding coding = new Coding(system(questionnaireId, item.id()), option.code(),
                    option.label().get(Texts.DANISH));
            translate(coding.getDisplayElement(), option.label());
            fhir.addAnswerOption().setValue(coding);
            if (item.type() == ItemType.LIKERT5) {
                coding.addExtension(ORDINAL_VALUE, new DecimalType(option.code()));
            }
        }
        for (Condition condition : item.enableWhen()) {
            Item on = definition.item(condition.question());
            QuestionnaireItemEnableWhenComponent when = fhir.addEnableWhen()
                    .setQuestion(condition.question())
                    .setOperator(switch (condition.operator()) {
                        case EQUALS -> QuestionnaireItemOperator.EQUAL;
                        case NOT_EQUALS -> QuestionnaireItemOperator.NOT_EQUAL;
                        case AT_LEAST -> QuestionnaireItemOperator.GREATER_OR_EQUAL;
                        case AT_MOST -> QuestionnaireItemOperator.LESS_OR_EQUAL;
                    });
            if (on.type() == ItemType.SCALE_0_TO_10) {
                when.setAnswer(new IntegerType(condition.answer().asInt()));
            } else {
                when.setAnswer(new Coding(system(questionnaireId, on.id()), condition.answer().asText(), null));
            }
        }
        if (item.enableWhen().size() > 1) {
            fhir.setEnableBehavior(Questionnaire.EnableWhenBehavior.ALL);
        }
        return fhir;
    }

    /** Every language but Danish as a translation extension on the element. */
    private static void translate(Element element, Map<String, String> texts) {
        texts.forEach((language, text) -> {
            if (!language.equals(Texts.DANISH)) {
                Extension translation = element.addExtension().setUrl(TRANSLATION);
                translation.addExtension("lang", new CodeType(language));
                translation.addExtension("content", new StringType(text));
            }
        });
    }
}
