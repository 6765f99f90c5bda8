package dk.mitforlob.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/admin/questionnaires...}: survey administrators create questionnaires, edit
 * drafts ({@code If-Match} with the revision as ETag), publish them and export them as FHIR.
 */
public final class QuestionnaireAdminService implements HttpService {

    private static final String BASE = "/admin/questionnaires";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Questionnaires questionnaires;
    private final IdempotentRequests idempotent;

    public QuestionnaireAdminService(Questionnaires questionnaires, IdempotentRequests idempotent) {
        this.questionnaires = questionnaires;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(BASE, this::create)
                .get(BASE, this::list)
                .get(BASE + "/{questionnaireId}", this::summary)
                .post(BASE + "/{questionnaireId}/versions", this::newVersion)
                .get(BASE + "/{questionnaireId}/versions/{version}", this::read)
                .put(BASE + "/{questionnaireId}/versions/{version}", this::replace)
                .post(BASE + "/{questionnaireId}/versions/{version}/publish", this::publish)
                .get(BASE + "/{questionnaireId}/versions/{version}/fhir", this::fhir);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.SURVEY_ADMIN);
        idempotent.create(req, res, caller.issuer() + ":" + caller.subject() + ":questionnaires",
                Definition.class, (definition, operationId) -> created(questionnaires.create(definition, operationId)));
    }

    private void newVersion(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.SURVEY_ADMIN);
        String id = RoundAdminService.Paths.questionnaireId(req);
        idempotent.create(req, res, caller.issuer() + ":" + caller.subject() + ":questionnaire-versions",
                Definition.class, (definition, operationId) ->
                        created(questionnaires.newVersion(id, definition, operationId)));
    }

    private static dk.mitforlob.platform.idempotency.Idempotency.Response created(QuestionnaireVersion version) {
        return IdempotentRequests.json(Status.CREATED_201, SurveyViews.QuestionnaireView.of(version), Map.of(
                "Location", "/api/v1" + BASE + "/" + version.questionnaireId() + "/versions/" + version.version(),
                "ETag", Etags.of(version.revision())));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<String> after = Exchange.query(req, "cursor")
                .map(cursor -> PageCursor.decode(cursor, "questionnaires", 1).value(0));
        List<String> ids = questionnaires.ids(after, limit + 1);
        List<SurveyViews.QuestionnaireSummary> items = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
            items.add(SurveyViews.QuestionnaireSummary.of(questionnaires.versions(id)));
        }
        Optional<String> next = ids.size() > limit
                ? Optional.of(PageCursor.of("questionnaires", ids.get(limit - 1)).encode()) : Optional.empty();
        Exchange.ok(res, new SurveyViews.Page<>(items, next));
    }

    private void summary(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        Exchange.ok(res, SurveyViews.QuestionnaireSummary.of(questionnaires.versions(RoundAdminService.Paths.questionnaireId(req))));
    }

    private void read(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        QuestionnaireVersion version = questionnaires.version(RoundAdminService.Paths.questionnaireId(req), RoundAdminService.Paths.version(req));
        if (!Etags.answeredNotModified(req, res, Etags.of(version.revision()))) {
            Exchange.ok(res, SurveyViews.QuestionnaireView.of(version));
        }
    }

    private void replace(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        String id = RoundAdminService.Paths.questionnaireId(req);
        int number = RoundAdminService.Paths.version(req);
        long expected = Etags.requiredIfMatch(req, () -> questionnaires.version(id, number).revision());
        Definition definition = Exchange.readJson(req, Definition.class);
        QuestionnaireVersion version = questionnaires.replaceDraft(id, number, definition, expected);
        res.header(HeaderNames.ETAG, Etags.of(version.revision()));
        Exchange.ok(res, SurveyViews.QuestionnaireView.of(version));
    }

    private void publish(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        String id = RoundAdminService.Paths.questionnaireId(req);
        int number = RoundAdminService.Paths.version(req);
        QuestionnaireVersion version = questionnaires.publish(id, number,
                Etags.requiredIfMatch(req, () -> questionnaires.version(id, number).revision()));
        res.header(HeaderNames.ETAG, Etags.of(version.revision()));
        Exchange.ok(res, SurveyViews.QuestionnaireView.of(version));
    }

    private void fhir(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        QuestionnaireVersion version = questionnaires.version(RoundAdminService.Paths.questionnaireId(req), RoundAdminService.Paths.version(req));
        res.header(HeaderNames.CONTENT_TYPE, FhirQuestionnaire.MEDIA_TYPE);
        res.send(FhirQuestionnaire.json(version).getBytes(StandardCharsets.UTF_8));
    }
}
