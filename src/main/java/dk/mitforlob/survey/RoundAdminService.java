package dk.mitforlob.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
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
        idempotent.create(req, res, caller.issuer() + ":" + caller.subject() + ":survey-rounds",
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
        Exchange.ok(res, SurveyViews.RoundView.of(rounds.round(RoundAdminService.Paths.roundId(req)), rounds.now()));
    }

    /** Path parameters of the survey routes, checked against the patterns the contract states. */
    static final class Paths {

        private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
        private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,4}");

        private Paths() {
        }

        static String questionnaireId(ServerRequest req) {
            return id(req, "questionnaireId");
        }

        static String roundId(ServerRequest req) {
            return id(req, "roundId");
        }

        private static String id(ServerRequest req, String name) {
            String value = Exchange.pathParam(req, name);
            if (!ID.matcher(value).matches()) {
                throw invalid(name, "must be 1-40 of a-z, 0-9 and -");
            }
            return value;
        }

        static int version(ServerRequest req) {
            String value = Exchange.pathParam(req, "version");
            if (!VERSION.matcher(value).matches()) {
                throw invalid("version", "must be a whole number from 1 to 99999");
            }
            return Integer.parseInt(value);
        }

        private static Rejection invalid(String name, String message) {
            return Rejection.badRequest("invalid-parameter", "Path parameter '" + name + "' " + message)
                    .withErrors(List.of(new FieldError(name, message)));
        }
    }
}
