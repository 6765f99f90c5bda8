package dk.mitforlob.survey;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.ids.Ids;

/**
 * Survey rounds: set up by survey administrators, opened at their time. Opening fixes the invited
 * set: every citizen the round targets who was enrolled when it opened. A background task opens
 * due rounds (one instance at a time, under a lease, every step safe to repeat); until it has, a
 * citizen is judged by the same rule on the spot, so nobody waits for it.
 */
public final class Rounds implements SurveyInvitations {

    private static final System.Logger LOG = System.getLogger(Rounds.class.getName());
    /** Short, so that a round whose opener died is taken over soon; renewed after every batch of invitations. */
    static final Duration OPENING_LEASE = Duration.ofSeconds(60);
    private static final int INVITE_BATCH = 1000;

    private final RoundRepository rounds;
    private final ParticipationRepository participation;
    private final Questionnaires questionnaires;
    private final Citizens citizens;
    private final Clock clock;

    public Rounds(RoundRepository rounds, ParticipationRepository participation, Questionnaires questionnaires,
                  Citizens citizens, Clock clock) {
        this.rounds = rounds;
        this.participation = participation;
        this.questionnaires = questionnaires;
        this.citizens = citizens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A new round under the operation id as its id; a retried create returns the first result. */
    public SurveyRound create(RoundInput input, String operationId) {
        Optional<SurveyRound> earlier = rounds.byId(operationId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        RoundInput.Checked times = input.check(now);
        questionnaires.publishedForRound(input.questionnaireId(), input.questionnaireVersion());
        SurveyRound round = new SurveyRound(operationId, input.questionnaireId(), input.questionnaireVersion(),
                input.title(), input.target(), times.opensLocal(), times.closesLocal(), times.opensAt(),
                times.closesAt(), now, null);
        return rounds.insert(round) ? round : rounds.byId(operationId).orElseThrow();
    }

    public SurveyRound round(String roundId) {
        return rounds.byId(roundId).orElseThrow(() -> Rejection.notFound("survey-round-not-found",
                "There is no survey round " + roundId));
    }

    public List<SurveyRound> page(Optional<String> afterId, int limit) {
        return rounds.page(afterId.flatMap(rounds::byId), limit);
    }

    public Questionnaires questionnaires() {
        return questionnaires;
    }

    /** Whether the citizen is among the round's invited: fixed at opening, or by the same rule until then. */
    public boolean invited(SurveyRound round, Citizen citizen) {
        if (round.status(clock.instant()) == SurveyRound.Status.SCHEDULED) {
            return false;
        }
        if (participation.find(round.id(), citizen.id()).isPresent()) {
            return true;
        }
        return !round.invitationsFixed() && qualifies(round, citizen);
    }

    private static boolean qualifies(SurveyRound round, Citizen citizen) {
        return !citizen.enrolledAt().isAfter(round.invitationCutoff()) && round.target().includes(citizen);
    }

    /** The rounds open now to which the citizen is invited. */
    public List<SurveyRound> openFor(Citizen citizen) {
        return rounds.openAt(clock.instant()).stream().filter(round -> invited(round, citizen)).toList();
    }

    public Optional<Participation> participation(String roundId, String citizenId) {
        return participation.find(roundId, citizenId);
    }

    /** Opens every round whose time has come; run by a background task on every instance. */
    public void openDueRounds() {
        for (SurveyRound round : rounds.dueUnfixed(clock.instant())) {
            open(round);
        }
    }

    /** The round with its invited set fixed, opening it here if needed; 503 while another instance is at it. */
    public SurveyRound opened(SurveyRound round) {
        if (round.invitationsFixed() || round.status(clock.instant()) == SurveyRound.Status.SCHEDULED) {
            return round;
        }
        SurveyRound opened = open(round);
        if (!opened.invitationsFixed()) {
            throw new Rejection(Rejection.Kind.UNAVAILABLE, "survey-round-opening",
                    "The round is being opened right now; retry in a few seconds").withHeader("Retry-After", "5");
        }
        return opened;
    }

    /** Fixes the invited set if no other instance is doing it; returns the round as it then is. */
    SurveyRound open(SurveyRound round) {
        Instant now = clock.instant();
        String holder = Ids.newId();
        if (!rounds.claimOpening(round.id(), holder, null, now, now.plus(OPENING_LEASE))) {
            return round(round.id());
        }
        List<ParticipationRepository.Invitee> batch = new ArrayList<>();
        citizens.forEach(citizen -> {
            if (qualifies(round, citizen)) {
                batch.add(new ParticipationRepository.Invitee(citizen.id(), citizen.municipality(),
                        citizen.programme().code()));
                if (batch.size() == INVITE_BATCH) {
                    participation.invite(round.id(), List.copyOf(batch));
                    batch.clear();
                    Instant later = clock.instant();
                    rounds.claimOpening(round.id(), holder, holder, later, later.plus(OPENING_LEASE));
                }
            }
        });
        participation.invite(round.id(), batch);
        Map<String, Long> byMunicipality = new HashMap<>();
        Map<String, Long> byProgramme = new HashMap<>();
        long total = 0;
        for (Map.Entry<ParticipationRepository.Cell, Long> cell : participation.invitedPerCell(round.id()).entrySet()) {
            byMunicipality.merge(cell.getKey().municipality(), cell.getValue(), Long::sum);
            byProgramme.merge(cell.getKey().programme(), cell.getValue(), Long::sum);
            total += cell.getValue();
        }
        SurveyRound.InvitedCounts invited = new SurveyRound.InvitedCounts(total, byMunicipality, byProgramme);
        if (rounds.finishOpening(round.id(), holder, invited)) {
            LOG.log(Level.INFO, "Survey round " + round.id() + " opened: " + total + " citizens invited");
        }
        return round(round.id());
    }

    /** Makes sure a citizen who answers before the invited set is fixed has their invitation on record. */
    void inviteOnTheSpot(SurveyRound round, Citizen citizen) {
        participation.invite(round.id(), List.of(new ParticipationRepository.Invitee(citizen.id(),
                citizen.municipality(), citizen.programme().code())));
    }

    @Override
    public List<OpenRound> openRounds(Instant now) {
        List<OpenRound> open = new ArrayList<>();
        for (SurveyRound round : rounds.openAt(now)) {
            SurveyRound opened = round.invitationsFixed() ? round : open(round);
            if (opened.invitationsFixed()) {
                open.add(new OpenRound(opened.id(), opened.title(), opened.opensAt(), opened.closesAt(),
                        participation.invitedIds(opened.id())));
            }
        }
        return open;
    }

    @Override
    public boolean hasAnswered(String roundId, String citizenId) {
        return participation.find(roundId, citizenId).filter(p -> p.state() != Participation.State.INVITED).isPresent();
    }
}
