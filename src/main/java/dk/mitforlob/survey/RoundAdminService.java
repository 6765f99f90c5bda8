package dk.mitforlob.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/admin/survey-rounds...}: survey administrators put a published questionnaire
 * version to a target between two times, and see their rounds (with the invited count once fixed).
 */
public final class RoundAdminService implements HttpService {

    private static final String BASE = "/admin/survey-rounds";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Rounds rounds;
    private final IdempotentRequests idempotent;

    public RoundAdminService(Rounds rounds, IdempotentRequests idempotent) {
        this.rounds = rounds;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(BASE, this::create)
                .get(BASE, this::list)
                .get(BASE + "/{roundId}", this::one);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Access.require(req, Role.SURVEY_ADMIN);
        idempotent.create(req, res, caller.issuer() + ":" + caller.subject() + ":survey-rounds", true,
                RoundInput.class, (input, operationId) -> {
                    SurveyRound round = rounds.create(input, operationId);
                    return IdempotentRequests.json(Status.CREATED_201, SurveyViews.RoundView.of(round, rounds.now()),
                            Map.of("Location", "/api/v1" + BASE + "/" + round.id()));
                });
    }

    private void list(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        Exchange.ok(res, page(req, rounds));
    }

    /** A page of rounds, newest opening first; shared with the evaluators' list. */
    static SurveyViews.Page<SurveyViews.RoundView> page(ServerRequest req, Rounds rounds) {
        int limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        Optional<String> after = Exchange.query(req, "cursor")
                .map(cursor -> PageCursor.decode(cursor, "survey-rounds", 1).value(0));
        List<SurveyRound> found = rounds.page(after, limit + 1);
        List<SurveyViews.RoundView> items = found.subList(0, Math.min(limit, found.size())).stream()
                .map(round -> SurveyViews.RoundView.of(round, rounds.now())).toList();
        Optional<String> next = found.size() > limit
                ? Optional.of(PageCursor.of("survey-rounds", found.get(limit - 1).id()).encode()) : Optional.empty();
        return new SurveyViews.Page<>(items, next);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.SURVEY_ADMIN);
        Exchange.ok(res, SurveyViews.RoundView.of(rounds.round(SurveyPaths.roundId(req)), rounds.now()));
    }
}
