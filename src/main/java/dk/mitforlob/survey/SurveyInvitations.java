package dk.mitforlob.survey;

/** What reminders need to invite citizens to survey rounds and remind them until they answer. */
public interface SurveyInvitations {
    /** Rounds open at {@code now} (opened, not yet closed), with everything an invitation needs. */
    java.util.List<OpenRound> openRounds(java.time.Instant now);
    /** Whether the citizen has answered the round (participation recorded). */
    boolean hasAnswered(String roundId, String citizenId);
    record OpenRound(String roundId, java.util.Map<String, String> titleByLanguage, java.time.Instant opensAt,
                     java.time.Instant closesAt, java.util.List<String> invitedCitizenIds) {}
}
