package dk.mitforlob.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.citizen.Programme;

/** How questionnaires and rounds are shown: to survey administrators, to citizens, to evaluators. */
final class SurveyViews {

    private SurveyViews() {
    }

    /** A questionnaire version with its whole definition (administrators). */
    record QuestionnaireView(String questionnaireId, int version, QuestionnaireVersion.Status status, long revision,
                             Map<String, String> title, List<Item> items, Instant createdAt, Instant updatedAt,
                             Instant publishedAt) {
        static QuestionnaireView of(QuestionnaireVersion v) {
            return new QuestionnaireView(v.questionnaireId(), v.version(), v.status(), v.revision(),
                    v.definition().title(), v.definition().items(), v.createdAt(), v.updatedAt(), v.publishedAt());
        }
    }

    /** A questionnaire and its versions, without their items. */
    record QuestionnaireSummary(String questionnaireId, Map<String, String> title, List<VersionSummary> versions) {
        static QuestionnaireSummary of(List<QuestionnaireVersion> versions) {
            return new QuestionnaireSummary(versions.getFirst().questionnaireId(),
                    versions.getLast().definition().title(), versions.stream().map(VersionSummary::of).toList());
        }
    }

    record VersionSummary(int version, QuestionnaireVersion.Status status, long revision, Instant publishedAt) {
        static VersionSummary of(QuestionnaireVersion v) {
            return new VersionSummary(v.version(), v.status(), v.revision(), v.publishedAt());
        }
    }

    record Page<T>(List<T> items, Optional<String> nextCursor) {
    }

    /** A round as administrators and evaluators see it; {@code invited} once the invited set is fixed. */
    record RoundView(String roundId, String questionnaireId, int questionnaireVersion, Map<String, String> title,
                     TargetView target, String opensAtLocal, String closesAtLocal, Instant opensAt, Instant closesAt,
                     String status, Long invited) {
        static RoundView of(SurveyRound round, Instant now) {
            return new RoundView(round.id(), round.questionnaireId(), round.questionnaireVersion(), round.title(),
                    new TargetView(round.target().programmes().stream().map(Programme::code).toList(),
                            round.target().municipalities()),
                    round.opensAtLocal().toString(), round.closesAtLocal().toString(), round.opensAt(),
                    round.closesAt(), round.status(now).name().toLowerCase(java.util.Locale.ROOT),
                    round.invitationsFixed() ? round.invited().total() : null);
        }
    }

    record TargetView(List<String> programmes, List<String> municipalities) {
    }

    /** An open round as a citizen sees it in the list. */
    record MySurvey(String roundId, String title, Instant closesAt, boolean answered) {
    }

    record MySurveys(List<MySurvey> items) {
    }

    /** The questionnaire of a round in the citizen's language (Danish where a text is missing). */
    record MySurveyQuestionnaire(String roundId, String title, Instant closesAt, boolean answered, String language,
                                 List<MyItem> items) {
        static MySurveyQuestionnaire of(SurveyRound round, Definition definition, boolean answered, String language) {
            return new MySurveyQuestionnaire(round.id(), Texts.in(round.title(), language), round.closesAt(), answered,
                    language, definition.items().stream().map(item -> MyItem.of(item, language)).toList());
        }
    }

    record MyItem(String id, ItemType type, String text, boolean required, List<MyOption> options, Integer maxLength,
                  List<MyCondition> enableWhen) {
        static MyItem of(Item item, String language) {
            return new MyItem(item.id(), item.type(), Texts.in(item.text(), language),
                    item.isRequired(), item.options().stream()
                            .map(o -> new MyOption(o.code(), Texts.in(o.label(), language))).toList(),
                    item.maxLength(), item.enableWhen().stream()
                            .map(c -> new MyCondition(c.question(), c.operator().code(), c.answer())).toList());
        }
    }

    record MyOption(String code, String label) {
    }

    record MyCondition(String question, String operator, JsonNode answer) {
    }

    /** What the citizen is told once the answer is stored: nothing that could point to it. */
    record Answered(String roundId, boolean answered) {
    }

    /** A page of free texts to one item of a round: the texts and nothing else. */
    record FreeTexts(String roundId, String itemId, List<String> texts, Optional<String> nextCursor) {
    }
}
