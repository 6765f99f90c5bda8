package dk.mitforlob.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/** What a citizen adds reaches their municipality's caseworkers, and only them. */
class InboxApiTest {

    private final TestService service = TestService.get();

    private void addStepAndComment(TestCitizen citizen) {
        service.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Søg job hos Bilka")).send().expect(201);
        service.api().post("/api/v1/me/plan/activities/" + citizen.citizenId() + "-act-placement/comments")
                .bearer(citizen.token()).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Mere tid, tak")).send().expect(201);
    }

    private JsonNode inbox(String municipality, String query) {
        return service.api().get("/api/v1/municipalities/" + municipality + "/inbox" + query)
                .bearer(service.issuers().caseworker(municipality)).send().expect(200).json();
    }

    @Test
    void a_step_and_a_comment_reach_the_caseworkers_inbox_newest_first() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        addStepAndComment(citizen);

        JsonNode inbox = inbox("851", "?citizenId=" + citizen.citizenId());
        assertThat(inbox.path("items")).extracting(i -> i.path("type").asText())
                .containsExactly("activity-comment", "plan-step-added");
        assertThat(inbox.path("unreadCount").asLong()).isEqualTo(2);
        JsonNode step = inbox.path("items").get(1);
        assertThat(step.path("summary").asText()).contains("Søg job hos Bilka").contains("Job i detailhandlen");
        assertThat(step.path("details").path("text").asText()).isEqualTo("Søg job hos Bilka");
        assertThat(step.path("citizenName").asText()).startsWith("Test Person");
        assertThat(step.path("read").asBoolean()).isFalse();
    }

    @Test
    void the_caseworker_marks_items_read_and_the_unread_count_follows() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        addStepAndComment(citizen);
        String itemId = inbox("851", "?citizenId=" + citizen.citizenId()).path("items").get(0).path("id").asText();

        JsonNode read = service.api().post("/api/v1/municipalities/851/inbox/" + itemId + "/read")
                .bearer(service.issuers().caseworker("851", "karen")).send().expect(200).json();
        service.api().post("/api/v1/municipalities/851/inbox/" + itemId + "/read")
                .bearer(service.issuers().caseworker("851", "someone-later")).send().expect(200);

        assertThat(read.path("read").asBoolean()).isTrue();
        JsonNode after = inbox("851", "?citizenId=" + citizen.citizenId());
        assertThat(after.path("unreadCount").asLong()).isEqualTo(1);
        assertThat(after.path("items").get(0).path("readBy").asText()).isEqualTo("karen");
        assertThat(inbox("851", "?citizenId=" + citizen.citizenId() + "&unread=true").path("items")).hasSize(1);
    }

    @Test
    void the_inbox_filters_by_type() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        addStepAndComment(citizen);

        JsonNode steps = inbox("851", "?citizenId=" + citizen.citizenId() + "&type=plan-step-added");

        assertThat(steps.path("items")).extracting(i -> i.path("type").asText()).containsExactly("plan-step-added");
        assertThat(steps.path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void the_inbox_pages_with_a_cursor_without_losing_or_repeating_items() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        addStepAndComment(citizen);
        addStepAndComment(citizen);

        JsonNode first = inbox("851", "?citizenId=" + citizen.citizenId() + "&limit=3");
        JsonNode second = inbox("851", "?citizenId=" + citizen.citizenId() + "&limit=3&cursor="
                + first.path("nextCursor").asText());

        assertThat(first.path("items")).hasSize(3);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.has("nextCursor")).isFalse();
        java.util.Set<String> ids = new java.util.HashSet<>(first.path("items").findValuesAsText("id"));
        ids.addAll(second.path("items").findValuesAsText("id"));
        assertThat(ids).hasSize(4);
    }

    @Test
    void an_unknown_type_filter_is_400_naming_it() {
        var response = service.api().get("/api/v1/municipalities/851/inbox?type=gossip")
                .bearer(service.issuers().caseworker("851")).invalid().send().expectProblem(400, "invalid-parameter");

        assertThat(response.problemFields()).containsExactly("type");
    }

    @Test
    void the_other_municipalitys_caseworker_gets_403_for_the_inbox_and_marking_read() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        addStepAndComment(citizen);
        String itemId = inbox("851", "?citizenId=" + citizen.citizenId()).path("items").get(0).path("id").asText();

        service.api().get("/api/v1/municipalities/851/inbox").bearer(service.issuers().caseworker("101")).send()
                .expectProblem(403, "other-municipality");
        service.api().post("/api/v1/municipalities/851/inbox/" + itemId + "/read")
                .bearer(service.issuers().caseworker("101")).send().expectProblem(403, "other-municipality");
    }

    @Test
    void an_item_of_another_municipality_cannot_be_marked_through_ones_own() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");
        addStepAndComment(citizen);
        String itemId = inbox("851", "?citizenId=" + citizen.citizenId()).path("items").get(0).path("id").asText();

        service.api().post("/api/v1/municipalities/101/inbox/" + itemId + "/read")
                .bearer(service.issuers().caseworker("101")).send().expectProblem(404, "inbox-item-not-found");
        assertThat(inbox("851", "?citizenId=" + citizen.citizenId()).path("unreadCount").asLong()).isEqualTo(2);
    }

    @Test
    void filtering_by_a_citizen_of_another_municipality_is_404() {
        TestCitizen elsewhere = Fixtures.enrollCitizen(service, "101");

        service.api().get("/api/v1/municipalities/851/inbox?citizenId=" + elsewhere.citizenId())
                .bearer(service.issuers().caseworker("851")).send().expectProblem(404, "citizen-not-found");
    }

    @Test
    void citizens_cannot_read_the_inbox() {
        TestCitizen citizen = Fixtures.citizenWithPlan(service, "851");

        service.api().get("/api/v1/municipalities/851/inbox").bearer(citizen.token()).send()
                .expectProblem(403, "role-required");
    }
}
