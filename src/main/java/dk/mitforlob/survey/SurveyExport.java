package dk.mitforlob.survey;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.privacy.ExportSection;
import dk.mitforlob.privacy.ExportWriter;

/**
 * Survey participation in the citizen's export: which rounds they were invited to and whether they
 * answered. Not the answers: those are anonymous, stored with nothing that links them to anyone, so
 * they are no longer the citizen's data and cannot be found to be exported.
 */
public final class SurveyExport implements ExportSection {

    private final ParticipationRepository participation;

    public SurveyExport(ParticipationRepository participation) {
        this.participation = participation;
    }

    @Override
    public String name() {
        return "surveys";
    }

    /** One round: an answer on its way into the anonymous store counts as answered, and shows nothing of it. */
    record RoundParticipation(String roundId, String municipality, String programme, String state) {
        static RoundParticipation of(Participation participation) {
            return new RoundParticipation(participation.roundId(), participation.municipality(),
                    participation.programme(), participation.state() == Participation.State.INVITED ? "invited" : "answered");
        }
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        out.list("participation", emit -> participation.ofCitizen(citizen.id()).stream()
                .map(RoundParticipation::of).forEach(emit));
    }
}
