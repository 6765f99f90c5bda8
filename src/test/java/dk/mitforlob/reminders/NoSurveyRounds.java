package dk.mitforlob.reminders;

import java.time.Instant;
import java.util.List;

import dk.mitforlob.survey.SurveyInvitations;

/** No survey rounds: reminders tests and the benchmark that are not about survey invitations. */
final class NoSurveyRounds implements SurveyInvitations {

    static final NoSurveyRounds INSTANCE = new NoSurveyRounds();

    private NoSurveyRounds() {
    }

    @Override
    public List<OpenRound> openRounds(Instant now) {
        return List.of();
    }

    @Override
    public boolean hasAnswered(String roundId, String citizenId) {
        return false;
    }
}
