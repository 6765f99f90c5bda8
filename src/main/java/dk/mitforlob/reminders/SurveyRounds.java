package dk.mitforlob.reminders;

/**
 * What reminders need to know of the satisfaction survey: which rounds are open and who is
 * invited, and whether someone has answered. The survey feature implements this.
 */
public interface SurveyRounds {  // the survey feature implements this after the merge
    java.util.List<OpenRound> openRounds(java.time.Instant now);
    boolean hasAnswered(String roundId, String citizenId);
    record OpenRound(String roundId, java.util.Map<String, String> titleByLanguage, java.time.Instant opensAt,
                     java.time.Instant closesAt, java.util.List<String> invitedCitizenIds) {}

    /** Until the survey feature is wired in: no rounds, so no invitations. */
    static SurveyRounds none() {
        return new SurveyRounds() {
            @Override
            public java.util.List<OpenRound> openRounds(java.time.Instant now) {
                return java.util.List.of();
            }

            @Override
            public boolean hasAnswered(String roundId, String citizenId) {
                return false;
            }
        };
    }
}
