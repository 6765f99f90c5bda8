package dk.mitforlob.survey;

import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.audit.AuditTrail;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.RequestId;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/evaluation/survey-rounds...}: evaluators find rounds, read their results as JSON
 * or CSV (small cells suppressed), and read the free texts of a round, shuffled and bare, once the
 * round has enough answers. Every read of results or texts is audit-logged.
 */
public final class SurveyEvaluationService implements HttpService {

    private static final String BASE = "/evaluation/survey-rounds";
    private static final int DEFAULT_TEXTS = 50;
    private static final int MAX_TEXTS = 200;

    private final Rounds rounds;
    private final AnswerRepository answers;
    private final AuditTrail audit;
    private final long threshold;

    public SurveyEvaluationService(Rounds rounds, AnswerRepository answers, AuditTrail audit, long threshold) {
        this.rounds = rounds;
        this.answers = answers;
        this.audit = audit;
        this.threshold = threshold;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(BASE, this::list)
                .get(BASE + "/{roundId}/results", this::results)
                .get(BASE + "/{roundId}/results.csv", this::csv)
                .get(BASE + "/{roundId}/free-texts", this::texts);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.EVALUATOR);
        Exchange.ok(res, RoundAdminService.page(req, rounds));
    }

    private SurveyResults.Result compute(ServerRequest req, Caller caller) {
        SurveyResults.GroupBy groupBy = Exchange.query(req, "groupBy")
                .map(code -> SurveyResults.GroupBy.fromCode(code).orElseThrow(() ->
                        Exchange.invalidQuery("groupBy", "must be municipality or programme")))
                .orElse(SurveyResults.GroupBy.MUNICIPALITY);
        SurveyRound round = rounds.opened(rounds.round(RoundAdminService.Paths.roundId(req)));
        Definition definition = rounds.questionnaires()
                .version(round.questionnaireId(), round.questionnaireVersion()).definition();
        SurveyResults.Result result = SurveyResults.compute(round, definition, answers.tallies(round.id()), threshold,
                groupBy);
        audit.readAggregate(caller, RequestId.of(req), "survey-results/" + round.id());
        return result;
    }

    private void results(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.EVALUATOR);
        Exchange.ok(res, compute(req, caller));
    }

    private void csv(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.EVALUATOR);
        SurveyResults.Result result = compute(req, caller);
        res.header(HeaderNames.CONTENT_TYPE, ResultsCsv.MEDIA_TYPE);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"survey-" + result.roundId() + "-"
                + result.groupBy().code() + ".csv\"");
        res.send(ResultsCsv.of(result));
    }

    private void texts(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.EVALUATOR);
        // the query's shape first: a malformed request is 400 whether or not the round exists
        String itemId = Exchange.query(req, "itemId").orElseThrow(() -> Exchange.invalidQuery("itemId", "is required"));
        int limit = Exchange.queryInt(req, "limit", 1, MAX_TEXTS).orElse(DEFAULT_TEXTS);
        Optional<String> after = Exchange.query(req, "cursor")
                .map(cursor -> PageCursor.decode(cursor, "free-texts", 1).value(0));
        SurveyRound round = rounds.round(RoundAdminService.Paths.roundId(req));
        Definition definition = rounds.questionnaires()
                .version(round.questionnaireId(), round.questionnaireVersion()).definition();
        Item item = definition.item(itemId);
        if (item == null || item.type() != ItemType.TEXT) {
            throw Exchange.invalidQuery("itemId", "must be the id of a text item of the round's questionnaire");
        }
        long answered = answers.tallies(round.id()).stream().mapToLong(Tally::answered).sum();
        if (answered < threshold) {
            throw Rejection.conflict("too-few-answers", "The round has fewer than " + threshold
                    + " answers; its free texts are shown from then on, so no one can be recognised by them");
        }
        List<Participation.FreeText> page = answers.texts(round.id(), itemId, after, limit + 1);
        audit.readAggregate(caller, RequestId.of(req), "survey-free-texts/" + round.id());
        Optional<String> next = page.size() > limit
                ? Optional.of(PageCursor.of("free-texts", page.get(limit - 1).id()).encode()) : Optional.empty();
        Exchange.ok(res, new SurveyViews.FreeTexts(round.id(), itemId, page.subList(0, Math.min(limit, page.size()))
                .stream().map(Participation.FreeText::text).toList(), next));
    }
}
