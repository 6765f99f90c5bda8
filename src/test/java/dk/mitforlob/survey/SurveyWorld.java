package dk.mitforlob.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dk.mitforlob.citizen.CaseworkerRef;
import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestService;

/**
 * The survey's domain on a store of a test's own, wired as the service wires it, without HTTP:
 * for tests that run two instances side by side or move the clock.
 */
final class SurveyWorld {

    final TestClock clock;
    final Citizens citizens;
    final Questionnaires questionnaires;
    final MongoParticipation participation;
    final MongoAnswers answers;
    final MongoRounds roundStore;
    final Rounds rounds;
    final Responses responses;

    SurveyWorld(MongoStore store, TestClock clock) {
        this.clock = clock;
        citizens = new Citizens(new MongoCitizenRepository(store), new CprHmac(TestService.CPR_KEY), clock);
        questionnaires = new Questionnaires(new MongoQuestionnaires(store), clock);
        participation = new MongoParticipation(store);
        answers = new MongoAnswers(store);
        roundStore = new MongoRounds(store);
        rounds = new Rounds(roundStore, participation, questionnaires, citizens, clock);
        responses = new Responses(rounds, participation, answers, clock);
    }

    /** Another instance of the service on the same store. */
    SurveyWorld another(MongoStore store) {
        return new SurveyWorld(store, clock);
    }

    Citizen enroll(String municipality, Programme programme) {
        return citizens.enroll(municipality, "W-" + Ids.newId(), new Enrollment(Fixtures.newCpr(), "Test Person",
                programme, new CaseworkerRef("cw", "Case Worker"), new ContactPerson("Case Worker", null, null, null),
                Language.DA)).citizen();
    }

    String publishedQuestionnaire() {
        QuestionnaireVersion version = questionnaires.create(SurveyResultsTest.definition(), Ids.newId());
        return questionnaires.publish(version.questionnaireId(), 1, version.revision()).questionnaireId();
    }

    SurveyRound round(String questionnaireId, List<String> municipalities, LocalDateTime opens, LocalDateTime closes) {
        return rounds.create(new RoundInput(questionnaireId, 1, Map.of("da", "Runde", "en", "Round"),
                new Target(List.of(), municipalities), opens.toString(), closes.toString()), Ids.newId());
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
