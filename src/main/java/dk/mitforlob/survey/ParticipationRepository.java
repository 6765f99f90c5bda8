package dk.mitforlob.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations and participation, one record per round and citizen, apart from the answers. A
 * record is made when the invited set is fixed and changed in place when the citizen answers, so
 * its place in the store says nothing about when anyone answered.
 */
public interface ParticipationRepository {

    /** Invites these citizens (municipality, programme) unless already invited; safe to repeat. */
    void invite(String roundId, List<Invitee> invitees);

    record Invitee(String citizenId, String municipality, String programme) {
    }

    /** Invited citizens per (municipality, programme). */
    Map<Cell, Long> invitedPerCell(String roundId);

    record Cell(String municipality, String programme) {
    }

    Optional<Participation> find(String roundId, String citizenId);

    /** Citizen ids of everyone invited to the round. */
    List<String> invitedIds(String roundId);

    /** Moves an invitation to ANSWERING with the pending answer; false if it was not INVITED. */
    boolean startAnswering(String roundId, String citizenId, String operationId, Participation.PendingAnswer pending);

    /** Moves ANSWERING (by this operation) to ANSWERED and forgets the pending answer; false if not. */
    boolean finishAnswering(String roundId, String citizenId, String operationId);

    /** The citizen's invitations, one per round, for their export; a few a year. */
    List<Participation> ofCitizen(String citizenId);

    /** Answers left pending since before {@code before} (a crash), a batch at a time. */
    List<Participation> pendingSince(Instant before, int limit);
}
