package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.mitforlob.Application;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Api;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.TestIssuers;
import dk.mitforlob.testing.TestLogging;
import dk.mitforlob.testing.TestService;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/**
 * The evaluators' table of wishes, with small cells suppressed, as released for October 2026. The
 * table counts every citizen in the store, so this test runs a service of its own on an empty
 * store and a fixed clock: it knows every figure.
 *
 * <p>The population: Aalborg (851) 10 citizens, 5 wanting more paid hours, 2 a mentor, 5 in sales
 * (major group 5) and 5 in cleaning (9); København (101) 3 citizens, all wanting education, 1 a
 * mentor, all in cleaning, on cash benefit; Aarhus (751) 12 citizens, 5 wanting more paid hours,
 * 6 a mentor, 7 in sales and 5 in cleaning, 3 of them on cash benefit. By programme: 19 in the
 * resource programme, 6 on cash benefit.
 */
class WishesEvaluationApiTest {

    private static final TestIssuers ISSUERS = TestIssuers.get();
    private static final TestClock CLOCK = new TestClock();
    private static TestStores.Target store;
    private static Application application;
    private static Api api;

    @BeforeAll
    static void aServiceOfItsOwnWithAKnownPopulation() {
        TestLogging.configure();
        store = TestStores.create();
        application = Application.start(TestService.settings(store, ISSUERS.trusted()), CLOCK);
        api = new Api(URI.create("http://127.0.0.1:" + application.port() + "/"));
        CLOCK.set(Instant.parse("2026-10-15T10:00:00Z"));
        for (int i = 0; i < 10; i++) {
            List<String> wishes = new ArrayList<>();
            if (i < 5) {
                wishes.add("more-paid-hours");
            }
            if (i < 2) {
                wishes.add("mentor");
            }
            citizen("851", "resource-programme", wishes, i < 5 ? "52" : "91");
        }
        for (int i = 0; i < 3; i++) {
            citizen("101", "activity-ready-cash-benefit", i < 1 ? List.of("education-or-course", "mentor")
                    : List.of("education-or-course"), "91");
        }
        for (int i = 0; i < 12; i++) {
            List<String> wishes = new ArrayList<>();
            if (i < 5) {
                wishes.add("more-paid-hours");
            }
            if (i < 6) {
                wishes.add("mentor");
            }
            citizen("751", i < 9 ? "resource-programme" : "activity-ready-cash-benefit", wishes, i < 7 ? "52" : "91");
        }
        // October has ended: its table is October's snapshot, whatever citizens state from now on
        CLOCK.set(Instant.parse("2026-11-02T08:00:00Z"));
    }

    @AfterAll
    static void stop() throws Exception {
        application.close();
        if (TestStores.externalMongo()) {
            try (MongoStore mongo = MongoStore.connect(store.uri(), store.database())) {
                mongo.database().drop();
            }
        }
        if (store.owned() != null) {
            store.owned().close();
        }
    }

    /** Enrolls a citizen, who then states {@code wishes} and an interest in occupation {@code occupation}. */
    private static void citizen(String municipality, String programme, List<String> wishes, String occupation) {
        String cpr = Fixtures.newCpr();
        Map<String, Object> enrollment = Fixtures.enrollment(cpr, "caseworker-" + municipality);
        enrollment.put("programme", programme);
        api.put("/api/v1/integration/municipalities/" + municipality + "/citizens/REF-" + cpr.replace("-", ""))
                .bearer(ISSUERS.integration(municipality)).json(enrollment).send().expect(201);
        api.put("/api/v1/me/wishes").bearer(ISSUERS.citizen(cpr)).ifMatch("\"0\"")
                .json(Map.of("interests", Map.of("occupations", List.of(occupation)),
                        "wishes", wishes.stream().map(type -> Map.of("type", type)).toList()))
                .send().expect(200);
    }

    private static JsonNode table(String groupBy) {
        return api.get("/api/v1/evaluation/wishes?month=2026-10" + (groupBy == null ? "" : "&groupBy=" + groupBy))
                .bearer(ISSUERS.evaluator()).send().expect(200).json();
    }

    private static JsonNode group(JsonNode table, String group) {
        for (JsonNode row : table.path("groups")) {
            if (row.path("group").asText().equals(group)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + group + " in " + table);
    }

    private static List<String> suppressed(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.path("suppressed").forEach(name -> names.add(name.asText()));
        return names;
    }

    @Test
    void by_municipality_each_row_counts_the_citizens_and_their_choices() {
        JsonNode table = table("municipality");

        assertThat(table.path("groupBy").asText()).isEqualTo("municipality");
        assertThat(table.path("threshold").asInt()).isEqualTo(5);
        assertThat(table.path("groups").findValuesAsText("group")).containsExactly("101", "751", "851");
        JsonNode aarhus = group(table, "751");
        assertThat(aarhus.path("name").asText()).isEqualTo("Aarhus");
        assertThat(aarhus.path("citizens").asInt()).isEqualTo(12);
        assertThat(aarhus.path("interestGroups").path("5").asInt()).isEqualTo(7);
        assertThat(group(table, "851").path("wishes").path("other").asInt()).as("zero is shown").isZero();
        assertThat(group(table, "851").path("wishes").path("more-paid-hours").asInt()).isEqualTo(5);
        assertThat(table.path("total").path("citizens").asInt()).isEqualTo(25);
        assertThat(table.path("total").path("wishes").path("more-paid-hours").asInt()).isEqualTo(10);
        assertThat(table.path("total").path("wishes").path("mentor").asInt()).isEqualTo(9);
        assertThat(table.path("total").has("group")).isFalse();
    }

    @Test
    void municipality_is_the_default_grouping() {
        assertThat(table(null).path("groupBy").asText()).isEqualTo("municipality");
    }

    @Test
    void a_group_of_fewer_than_five_citizens_shows_no_figure() {
        JsonNode copenhagen = group(table("municipality"), "101");

        assertThat(copenhagen.has("citizens")).isFalse();
        assertThat(copenhagen.path("wishes")).isEmpty();
        assertThat(copenhagen.path("interestGroups")).isEmpty();
        assertThat(suppressed(copenhagen)).hasSize(19).contains("citizens", "wishes.education-or-course",
                "wishes.mentor", "interestGroups.9");
    }

    @Test
    void a_count_of_one_to_four_is_hidden_and_named() {
        JsonNode aalborg = group(table("municipality"), "851");

        assertThat(aalborg.path("wishes").has("mentor")).isFalse();
        assertThat(suppressed(aalborg)).contains("wishes.mentor");
    }

    @Test
    void a_lone_hidden_figure_drags_another_with_it_so_the_total_does_not_give_it_away() {
        JsonNode table = table("municipality");

        // more paid hours: København's 0 is hidden (a small group), so Aarhus's 5, the smallest other, goes too
        assertThat(suppressed(group(table, "751"))).contains("wishes.more-paid-hours");
        assertThat(group(table, "751").path("wishes").has("more-paid-hours")).isFalse();
        // citizens: København's 3 is hidden, so Aalborg's 10 goes too, and the total of 25 stays
        assertThat(group(table, "851").has("citizens")).isFalse();
        assertThat(suppressed(group(table, "851"))).contains("citizens");
        // education: only København's 3 chose it; nothing shown could protect it but hiding the total
        assertThat(table.path("total").path("wishes").has("education-or-course")).isFalse();
        assertThat(suppressed(table.path("total"))).containsExactly("wishes.education-or-course");
        // cleaning: København's 3 is hidden, Aarhus's 5 goes with it, and the total of 13 can stay
        assertThat(table.path("total").path("interestGroups").path("9").asInt()).isEqualTo(13);
    }

    @Test
    void by_programme_a_figure_of_eight_is_hidden_to_protect_a_mentor_wish_of_one() {
        JsonNode table = table("programme");

        assertThat(table.path("groups").findValuesAsText("group"))
                .containsExactly("activity-ready-cash-benefit", "resource-programme");
        JsonNode cashBenefit = group(table, "activity-ready-cash-benefit");
        JsonNode resource = group(table, "resource-programme");
        assertThat(cashBenefit.path("citizens").asInt()).isEqualTo(6);
        assertThat(resource.path("citizens").asInt()).isEqualTo(19);
        assertThat(resource.path("wishes").path("more-paid-hours").asInt()).isEqualTo(10);
        assertThat(cashBenefit.path("wishes").path("more-paid-hours").asInt()).isZero();
        assertThat(suppressed(cashBenefit)).contains("wishes.mentor");
        assertThat(suppressed(resource)).contains("wishes.mentor");
        assertThat(resource.has("name")).isFalse();
        assertThat(table.path("total").path("wishes").path("mentor").asInt()).isEqualTo(9);
    }

    @Test
    void a_choice_made_by_all_but_a_few_of_a_group_is_hidden() {
        JsonNode table = table("municipality");

        // Aarhus: 7 of 12 in sales and 5 in cleaning are shown; had 10 of 12 chosen sales, the 2 others would show
        assertThat(group(table, "751").path("interestGroups").path("5").asInt()).isEqualTo(7);
        for (JsonNode row : table.path("groups")) {
            if (row.has("citizens")) {
                int citizens = row.path("citizens").asInt();
                row.path("wishes").forEach(count -> assertThat(count.asInt() > 0 && citizens - count.asInt() < 5)
                        .as("a shown count that leaves fewer than 5 others in %s", row.path("group").asText())
                        .isFalse());
            }
        }
    }

    @Test
    void an_unknown_grouping_is_400_naming_it() {
        var response = api.get("/api/v1/evaluation/wishes?month=2026-10&groupBy=age").bearer(ISSUERS.evaluator()).invalid().send()
                .expectProblem(400, "invalid-parameter");

        assertThat(response.problemFields()).containsExactly("groupBy");
    }

    @Test
    void the_table_is_the_snapshot_of_an_ended_month_and_a_later_change_does_not_show_in_it() {
        JsonNode before = table("municipality");
        citizen("751", "resource-programme", List.of("mentor"), "52");

        JsonNode after = table("municipality");

        assertThat(after).isEqualTo(before);
        assertThat(after.path("month").asText()).isEqualTo("2026-10");
        assertThat(after.path("takenAt").asText()).isEqualTo("2026-11-02T08:00:00Z");
        assertThat(group(after, "751").path("citizens").asInt()).as("the 13th came in November").isEqualTo(12);
    }

    @Test
    void the_month_must_be_given_well_formed_and_ended() {
        for (String query : List.of("", "?month=", "?month=2026-1", "?month=2026-13", "?month=2026-10-01",
                "?month=2026-11", "?month=2027-01")) {
            var response = api.get("/api/v1/evaluation/wishes" + query).bearer(ISSUERS.evaluator()).invalid().send()
                    .expectProblem(400, "invalid-parameter");
            assertThat(response.problemFields()).as(query).containsExactly("month");
        }
    }

    @Test
    void a_month_that_ended_before_any_snapshot_was_taken_is_404() {
        api.get("/api/v1/evaluation/wishes?month=2026-08").bearer(ISSUERS.evaluator()).send()
                .expectProblem(404, "wishes-not-released");
    }
}
