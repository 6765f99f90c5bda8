package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * The answer protocol stopped after each of its steps, as a crash would stop it: the retried
 * request or the sweep finishes it, the answer is counted once, the citizen cannot answer again,
 * and no pending answer (the only link between the person and the answer) is left.
 */
class ResponsesTest {

    private TestStores.OwnStore store;
    private SurveyWorld world;
    private SurveyRound round;
    private Citizen citizen;

    @BeforeEach
    void aRoundAndACitizen() {
        store = TestStores.ownStore();
        world = new SurveyWorld(store.store(), new TestClock());
        world.at("2026-11-02T08:00:00Z");
        citizen = world.enroll("540", Programme.RESOURCE_PROGRAMME);
        round = world.round(world.publishedQuestionnaire(), List.of("540"), LocalDateTime.parse("2026-11-02T10:00"),
                LocalDateTime.parse("2026-11-20T10:00"));
        world.at("2026-11-03T08:00:00Z");
        world.rounds.openDueRounds();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static ResponseInput input(int overall) {
        return new ResponseInput(List.of(new ResponseInput.Answer("overall", IntNode.valueOf(overall)),
                new ResponseInput.Answer("mentor", TextNode.valueOf("no"))));
    }

    /** Step 1 alone: the invitation holds the pending answer, nothing else is written. */
    private Participation.PendingAnswer crashAfterStepOne(String operationId) {
        Participation.PendingAnswer pending = new Participation.PendingAnswer("answer-1",
                world.answers.bucketFor(round.id(), "540", "resource-programme"), "2026-W45",
                Map.of("overall", 2, "mentor", "no"), List.of(new Participation.FreeText("text-1", "comment", "Hej")),
                world.clock.instant());
        assertThat(world.participation.startAnswering(round.id(), citizen.id(), operationId, pending)).isTrue();
        return pending;
    }

    private long counted() {
        return world.answers.tallies(round.id()).stream().mapToLong(Tally::answered).sum();
    }

    private Participation participation() {
        return world.participation.find(round.id(), citizen.id()).orElseThrow();
    }

    @Test
    void a_retry_of_the_same_request_finishes_the_pending_answer() {
        crashAfterStepOne("op-1");

        world.responses.respond(citizen, round.id(), input(5), "op-1");

        assertThat(counted()).isEqualTo(1);
        assertThat(world.answers.tallies(round.id()).getFirst().count(Tally.value("overall", "2")))
                .as("the answer first sent, not the retry's body").isEqualTo(1);
        assertThat(participation().state()).isEqualTo(Participation.State.ANSWERED);
        assertThat(participation().pending()).isNull();
    }

    @Test
    void another_request_finishes_the_pending_answer_and_is_told_the_round_is_answered() {
        crashAfterStepOne("op-1");

        assertThatThrownBy(() -> world.responses.respond(citizen, round.id(), input(5), "op-2"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("already-answered"));
        assertThat(counted()).isEqualTo(1);
        assertThat(participation().pending()).isNull();
    }

    @Test
    void the_sweep_finishes_an_answer_whose_request_never_came_back_and_counts_it_once() {
        Participation.PendingAnswer pending = crashAfterStepOne("op-1");
        // step 2 happened too before the crash: the answer is in its bucket, the invitation still pending
        world.answers.add(pending.bucket(), round.id(), "540", "resource-programme", pending.answerId(),
                pending.isoWeek(), pending.values(), Responses.counted(pending));

        assertThat(world.responses.finishLeftovers()).as("too fresh: its request may still be running").isZero();
        world.clock.set(world.clock.instant().plus(Responses.LEFTOVER_AGE).plusSeconds(1));
        assertThat(world.responses.finishLeftovers()).isEqualTo(1);
        world.responses.respond(citizen, round.id(), input(3), "op-1");

        assertThat(counted()).isEqualTo(1);
        assertThat(world.answers.texts(round.id(), "comment", java.util.Optional.empty(), 10)).hasSize(1);
        assertThat(participation().pending()).isNull();
        assertThat(world.responses.finishLeftovers()).isZero();
        assertThat(world.rounds.hasAnswered(round.id(), citizen.id())).isTrue();
    }

    @Test
    void an_answer_is_stored_with_its_round_group_and_week_only() {
        world.responses.respond(citizen, round.id(), input(4), "op-1");

        assertThat(counted()).isEqualTo(1);
        var bucket = store.store().collection("survey_answers").find().first();
        var entry = bucket.getList("answers", org.bson.Document.class).getFirst();
        assertThat(entry.keySet()).containsExactlyInAnyOrder("id", "week", "values");
        assertThat(entry.getString("week")).isEqualTo("2026-W45");
        assertThat(bucket.toJson()).doesNotContain(citizen.id());
    }
}
