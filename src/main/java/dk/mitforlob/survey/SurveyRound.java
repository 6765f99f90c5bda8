package dk.mitforlob.survey;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A survey round: one published questionnaire version put to the citizens of a target between two
 * times. When it opens, the citizens it targets who are enrolled by then are invited; that set is
 * fixed ({@code invited}) and is the denominator of the response rate.
 *
 * @param opensAtLocal  as the administrator gave it, Europe/Copenhagen wall-clock time
 * @param opensAt       the same instant in UTC
 * @param invited       null until the invited set is fixed
 */
public record SurveyRound(String id, String questionnaireId, int questionnaireVersion, Map<String, String> title,
                          Target target, LocalDateTime opensAtLocal, LocalDateTime closesAtLocal, Instant opensAt,
                          Instant closesAt, Instant createdAt, InvitedCounts invited) {

    public SurveyRound {
        title = Texts.copy(title);
    }

    public enum Status { SCHEDULED, OPEN, CLOSED }

    public Status status(Instant now) {
        if (now.isBefore(opensAt)) {
            return Status.SCHEDULED;
        }
        return now.isBefore(closesAt) ? Status.OPEN : Status.CLOSED;
    }

    /**
     * Who counts as invited: enrolled at the moment the round opened. A round created with an opening
     * time already past opens when it is created.
     */
    public Instant invitationCutoff() {
        return opensAt.isAfter(createdAt) ? opensAt : createdAt;
    }

    public boolean invitationsFixed() {
        return invited != null;
    }

    /** How many citizens were invited, in all and per group, as fixed at opening. */
    public record InvitedCounts(long total, Map<String, Long> byMunicipality, Map<String, Long> byProgramme) {
        public InvitedCounts {
            byMunicipality = Map.copyOf(byMunicipality);
            byProgramme = Map.copyOf(byProgramme);
        }
    }
}
