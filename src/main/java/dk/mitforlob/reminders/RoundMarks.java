package dk.mitforlob.reminders;

/** Which survey rounds have had their invitations scheduled, and for how many invited citizens. */
public interface RoundMarks {

    /** How many invited citizens of the round have their invitations scheduled; 0 if none. */
    int scheduled(String roundId);

    void markScheduled(String roundId, int invited);
}
