package dk.mitforlob.survey;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/me/surveys...}: the rounds open to the citizen, a round's questionnaire in their
 * language, and their answer, once per round ({@code Idempotency-Key} required).
 */
public final class MySurveysService implements HttpService {

    private final Citizens citizens;
    private final Rounds rounds;
    private final Responses responses;
    private final IdempotentRequests idempotent;

    public MySurveysService(Citizens citizens, Rounds rounds, Responses responses, IdempotentRequests idempotent) {
        this.citizens = citizens;
        this.rounds = rounds;
        this.responses = responses;
        this.idempotent = idempotent;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/surveys", this::list)
                .get("/me/surveys/{roundId}", this::one)
                .post("/me/surveys/{roundId}/response", this::respond);
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String language = citizen.language().code();
        Exchange.ok(res, new SurveyViews.MySurveys(rounds.openFor(citizen).stream()
                .map(round -> new SurveyViews.MySurvey(round.id(), Texts.in(round.title(), language), round.closesAt(),
                        rounds.hasAnswered(round.id(), citizen.id())))
                .toList()));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        SurveyRound round = forCitizen(citizen, RoundAdminService.Paths.roundId(req));
        Definition definition = rounds.questionnaires()
                .version(round.questionnaireId(), round.questionnaireVersion()).definition();
        Exchange.ok(res, SurveyViews.MySurveyQuestionnaire.of(round, definition,
                rounds.hasAnswered(round.id(), citizen.id()), citizen.language().code()));
    }

    /** The round if it is open and the citizen is invited: 404 if not for them, 409 once closed. */
    private SurveyRound forCitizen(Citizen citizen, String roundId) {
        SurveyRound round = rounds.round(roundId);
        if (!rounds.invited(round, citizen)) {
            throw Rejection.notFound("survey-round-not-found", "There is no survey round " + roundId + " for you");
        }
        if (round.status(rounds.now()) == SurveyRound.Status.CLOSED) {
            throw Rejection.conflict("survey-round-closed", "The survey round closed at " + round.closesAt());
        }
        return round;
    }

    private void respond(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String roundId = RoundAdminService.Paths.roundId(req);
        idempotent.createLeavingNoTraceOfBody(req, res, citizen.id() + ":survey-response", ResponseInput.class,
                (input, operationId) -> {
                    responses.respond(citizen, roundId, input, operationId);
                    return IdempotentRequests.json(Status.CREATED_201, new SurveyViews.Answered(roundId, true),
                            java.util.Map.of());
                });
    }
}
