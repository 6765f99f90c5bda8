package dk.mitforlob.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.ids.Ids;

/**
 * A citizen answers a round once, anonymously, without multi-document transactions:
 *
 * <ol>
 *   <li>The invitation record moves from INVITED to ANSWERING and takes the pending answer: a
 *       random answer id, its bucket, the values and the free texts under random ids. From here on
 *       the citizen cannot answer again, and the answer cannot be lost.</li>
 *   <li>The answer is added to its bucket and counted in one atomic write, guarded by its id, so a
 *       repeat adds nothing.</li>
 *   <li>The free texts are stored under their ids (a repeat finds them there).</li>
 *   <li>The invitation moves to ANSWERED and the pending answer is removed: the only link between
 *       the person and the answer is gone.</li>
 * </ol>
 *
 * Only then is the citizen told the answer is saved. A crash anywhere leaves either nothing or a
 * pending answer, which the retried request or the background sweep finishes with exactly the same
 * writes; the sweep also means that a link left by a crash does not last.
 */
public final class Responses {

    static final Duration LEFTOVER_AGE = Duration.ofSeconds(30);
    private static final int SWEEP_BATCH = 100;
    private static final int MAX_ATTEMPTS = 5;

    private final Rounds rounds;
    private final ParticipationRepository participation;
    private final AnswerRepository answers;
    private final Clock clock;

    public Responses(Rounds rounds, ParticipationRepository participation, AnswerRepository answers, Clock clock) {
        this.rounds = rounds;
        this.participation = participation;
        this.answers = answers;
        this.clock = clock;
    }

    /** Records the answer under {@code operationId}; returns normally when it is recorded, now or by this operation before. */
    public void respond(Citizen citizen, String roundId, ResponseInput input, String operationId) {
        SurveyRound round = rounds.round(roundId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Participation> found = participation.find(roundId, citizen.id());
            if (found.isPresent() && operationId.equals(found.get().operationId())) {
                finish(found.get());
                return;
            }
            requireOpenFor(round, citizen);
            if (found.isPresent() && found.get().state() != Participation.State.INVITED) {
                finish(found.get());
                throw Rejection.conflict("already-answered", "You have already answered this survey round");
            }
            Definition definition = rounds.questionnaires()
                    .version(round.questionnaireId(), round.questionnaireVersion()).definition();
            Map<String, Object> values = input.check(definition);
            if (found.isEmpty()) {
                rounds.inviteOnTheSpot(round, citizen);
            }
            Participation invited = participation.find(roundId, citizen.id()).orElseThrow();
            Participation.PendingAnswer pending = pending(definition, invited, values);
            if (participation.startAnswering(roundId, citizen.id(), operationId, pending)) {
                finish(new Participation(roundId, citizen.id(), invited.municipality(), invited.programme(),
                        Participation.State.ANSWERING, operationId, pending));
                return;
            }
        }
        throw Rejection.conflict("concurrent-update", "Your answer was being saved at the same moment; try again");
    }

    private void requireOpenFor(SurveyRound round, Citizen citizen) {
        SurveyRound.Status status = round.status(clock.instant());
        if (status == SurveyRound.Status.SCHEDULED || !rounds.invited(round, citizen)) {
            throw Rejection.notFound("survey-round-not-found", "There is no survey round " + round.id() + " for you");
        }
        if (status == SurveyRound.Status.CLOSED) {
            throw Rejection.conflict("survey-round-closed", "The survey round closed at " + round.closesAt());
        }
    }

    private Participation.PendingAnswer pending(Definition definition, Participation invited,
                                                Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Participation.FreeText> texts = new ArrayList<>();
        given.forEach((itemId, value) -> {
            if (definition.item(itemId).type() == ItemType.TEXT) {
                texts.add(new Participation.FreeText(Ids.newId(), itemId, (String) value));
            } else {
                values.put(itemId, value);
            }
        });
        Instant now = clock.instant();
        return new Participation.PendingAnswer(Ids.newId(),
                answers.bucketFor(invited.roundId(), invited.municipality(), invited.programme()), isoWeek(now),
                values, texts, now);
    }

    /** Finishes a pending answer (steps 2-4); nothing to do for one already finished. */
    private void finish(Participation answering) {
        Participation.PendingAnswer pending = answering.pending();
        if (answering.state() != Participation.State.ANSWERING || pending == null) {
            return;
        }
        answers.add(pending.bucket(), answering.roundId(), answering.municipality(), answering.programme(),
                pending.answerId(), pending.isoWeek(), pending.values(), counted(pending));
        answers.addTexts(answering.roundId(), pending.texts());
        participation.finishAnswering(answering.roundId(), answering.citizenId(), answering.operationId());
    }

    /** The counters an answer raises: answers per item, and per value (each ticked option of a multi item). */
    static List<String> counted(Participation.PendingAnswer pending) {
        List<String> counted = new ArrayList<>();
        pending.values().forEach((itemId, value) -> {
            counted.add(Tally.answers(itemId));
            if (value instanceof List<?> codes) {
                codes.forEach(code -> counted.add(Tally.value(itemId, code.toString())));
            } else {
                counted.add(Tally.value(itemId, value.toString()));
            }
        });
        pending.texts().forEach(text -> counted.add(Tally.answers(text.itemId())));
        return counted;
    }

    /** Finishes answers left pending by a crash; run by a background task on every instance. */
    public int finishLeftovers() {
        int finished = 0;
        for (Participation leftover : participation.pendingSince(clock.instant().minus(LEFTOVER_AGE), SWEEP_BATCH)) {
            finish(leftover);
            finished++;
        }
        return finished;
    }

    static String isoWeek(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, RoundInput.COPENHAGEN);
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
