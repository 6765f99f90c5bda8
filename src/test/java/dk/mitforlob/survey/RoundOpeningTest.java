package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * A round opens at its time: the invited set is the targeted citizens enrolled by then, fixed once
 * by whichever instance gets to it, judged by the same rule on the spot until it is. Under the test
 * clock, across both switches of summer time.
 */
class RoundOpeningTest {

    private TestStores.OwnStore store;
    private SurveyWorld world;

    @BeforeEach
    void aStoreOfItsOwn() {
        store = TestStores.ownStore();
        world = new SurveyWorld(store.store(), new TestClock());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void the_invited_set_is_fixed_at_the_opening_time_and_judged_by_the_same_rule_before() {
        world.at("2026-11-02T08:00:00Z");
        Citizen early = world.enroll("540", Programme.RESOURCE_PROGRAMME);
        Citizen elsewhere = world.enroll("550", Programme.RESOURCE_PROGRAMME);
        SurveyRound round = world.round(world.publishedQuestionnaire(), List.of("540"),
                LocalDateTime.parse("2026-11-02T10:00"), LocalDateTime.parse("2026-11-20T10:00"));
        world.at("2026-11-02T08:30:00Z");
        Citizen beforeOpening = world.enroll("540", Programme.ACTIVITY_READY_CASH_BENEFIT);

        world.rounds.openDueRounds();
        assertThat(world.rounds.invited(world.rounds.round(round.id()), early)).as("not open yet").isFalse();
        assertThat(world.rounds.openRounds(world.clock.instant())).isEmpty();

        world.at("2026-11-02T09:00:01Z");
        SurveyRound open = world.rounds.round(round.id());
        Citizen afterOpening = world.enroll("540", Programme.RESOURCE_PROGRAMME);
        assertThat(open.invitationsFixed()).isFalse();
        assertThat(world.rounds.invited(open, early)).as("on the spot, before the set is fixed").isTrue();
        assertThat(world.rounds.invited(open, beforeOpening)).isTrue();
        assertThat(world.rounds.invited(open, afterOpening)).isFalse();
        assertThat(world.rounds.invited(open, elsewhere)).isFalse();

        world.rounds.openDueRounds();
        SurveyRound fixed = world.rounds.round(round.id());
        assertThat(fixed.invited().total()).isEqualTo(2);
        assertThat(fixed.invited().byProgramme()).containsEntry("resource-programme", 1L)
                .containsEntry("activity-ready-cash-benefit", 1L);
        assertThat(world.rounds.openRounds(world.clock.instant())).singleElement().satisfies(r -> {
            assertThat(r.invitedCitizenIds()).containsExactlyInAnyOrder(early.id(), beforeOpening.id());
            assertThat(r.titleByLanguage()).containsEntry("en", "Round");
            assertThat(r.opensAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        });
        assertThat(world.rounds.invited(fixed, afterOpening)).isFalse();
    }

    @Test
    void many_instances_opening_at_once_fix_the_set_once() throws Exception {
        world.at("2026-11-02T08:00:00Z");
        for (int i = 0; i < 150; i++) {
            world.enroll(i % 3 == 0 ? "550" : "540", i % 2 == 0 ? Programme.RESOURCE_PROGRAMME
                    : Programme.ACTIVITY_READY_CASH_BENEFIT);
        }
        SurveyRound round = world.round(world.publishedQuestionnaire(), List.of("540", "550"),
                LocalDateTime.parse("2026-11-02T10:00"), LocalDateTime.parse("2026-11-20T10:00"));
        world.at("2026-11-02T09:00:01Z");

        List<SurveyWorld> instances = List.of(world, world.another(store.store()), world.another(store.store()));
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        List<Callable<Object>> opening = new ArrayList<>();
        instances.forEach(instance -> opening.add(() -> {
            instance.rounds.openDueRounds();
            return null;
        }));
        pool.invokeAll(opening).forEach(future -> {
            try {
                future.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        pool.shutdown();

        SurveyRound fixed = world.rounds.round(round.id());
        assertThat(fixed.invited().total()).isEqualTo(150);
        assertThat(fixed.invited().byMunicipality()).containsEntry("550", 50L).containsEntry("540", 100L);
        assertThat(world.participation.invitedIds(round.id())).hasSize(150).doesNotHaveDuplicates();
    }

    @Test
    void an_instance_that_died_while_opening_is_taken_over_when_its_lease_runs_out() {
        world.at("2026-11-02T08:00:00Z");
        world.enroll("540", Programme.RESOURCE_PROGRAMME);
        SurveyRound round = world.round(world.publishedQuestionnaire(), List.of("540"),
                LocalDateTime.parse("2026-11-02T10:00"), LocalDateTime.parse("2026-11-20T10:00"));
        world.at("2026-11-02T09:00:00Z");
        assertThat(world.roundStore.claimOpening(round.id(), "crashed", null, world.clock.instant(),
                world.clock.instant().plus(Rounds.OPENING_LEASE))).isTrue();

        world.rounds.openDueRounds();
        assertThat(world.rounds.round(round.id()).invitationsFixed()).as("the lease still holds").isFalse();
        world.clock.set(world.clock.instant().plus(Rounds.OPENING_LEASE).plusSeconds(1));
        world.rounds.openDueRounds();

        assertThat(world.rounds.round(round.id()).invited().total()).isEqualTo(1);
    }

    @Test
    void rounds_open_and_close_at_copenhagen_time_across_both_switches_of_summer_time() {
        world.at("2026-03-01T08:00:00Z");
        Citizen citizen = world.enroll("540", Programme.RESOURCE_PROGRAMME);
        SurveyRound round = world.round(world.publishedQuestionnaire(), List.of("540"),
                LocalDateTime.parse("2026-03-29T03:00"), LocalDateTime.parse("2026-10-25T03:00"));

        assertThat(round.opensAt()).as("03:00 summer time").isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(round.closesAt()).as("03:00 winter time").isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
        world.at("2026-03-29T00:59:59Z");
        assertThat(world.rounds.openFor(citizen)).isEmpty();
        world.at("2026-03-29T01:00:00Z");
        assertThat(world.rounds.openFor(citizen)).hasSize(1);
        world.at("2026-10-25T01:59:59Z");
        assertThat(world.rounds.openFor(citizen)).hasSize(1);
        world.at("2026-10-25T02:00:00Z");
        assertThat(world.rounds.openFor(citizen)).isEmpty();
        assertThat(Responses.isoWeek(Instant.parse("2026-12-31T23:30:00Z"))).as("1 January 2027 in Copenhagen")
                .isEqualTo("2026-W53");
    }
}
