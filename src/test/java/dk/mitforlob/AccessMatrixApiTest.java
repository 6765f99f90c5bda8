package dk.mitforlob;

import java.util.Map;
import java.util.stream.Stream;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.mitforlob.testing.ApiRequest;
import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.Fixtures.TestCitizen;
import dk.mitforlob.testing.TestService;

/**
 * Every municipal route, tried by the other municipality's caseworker or case system and by a
 * citizen: each must refuse. (What a citizen reaches of another citizen is covered per feature:
 * citizen routes only ever address the signed-in citizen's own data.)
 */
class AccessMatrixApiTest {

    private static final TestService SERVICE = TestService.get();
    private static TestCitizen citizen;
    private static String itemId;

    @BeforeAll
    static void aCitizenOf851WithInput() {
        citizen = Fixtures.citizenWithPlan(SERVICE, "851");
        SERVICE.api().post("/api/v1/me/plan/goals/" + citizen.citizenId() + "-goal-work/steps").bearer(citizen.token())
                .idempotencyKey(UUID.randomUUID().toString()).json(Map.of("text", "Et skridt")).send().expect(201);
        itemId = SERVICE.api().get("/api/v1/municipalities/851/inbox?citizenId=" + citizen.citizenId())
                .bearer(SERVICE.issuers().caseworker("851")).send().expect(200).json()
                .path("items").get(0).path("id").asText();
    }

    /** A route, and how to build a valid request to it for a given token. */
    record Route(String name, java.util.function.Function<String, ApiRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Route> caseworkerRoutes() {
        String base = "/api/v1/municipalities/851";
        return Stream.of(
                new Route("caseload", token -> SERVICE.api().get(base + "/citizens").bearer(token)),
                new Route("read plan", token -> SERVICE.api().get(base + "/citizens/" + citizen.citizenId() + "/plan")
                        .bearer(token)),
                new Route("publish plan", token -> SERVICE.api().put(base + "/citizens/" + citizen.citizenId() + "/plan")
                        .bearer(token).ifMatch("\"1\"").json(Fixtures.plan(citizen.citizenId()))),
                new Route("read wishes", token -> SERVICE.api().get(base + "/citizens/" + citizen.citizenId() + "/wishes")
                        .bearer(token)),
                new Route("inbox", token -> SERVICE.api().get(base + "/inbox").bearer(token)),
                new Route("mark read", token -> SERVICE.api().post(base + "/inbox/" + itemId + "/read").bearer(token)));
    }

    static Stream<Route> integrationRoutes() {
        String base = "/api/v1/integration/municipalities/851";
        return Stream.of(
                new Route("enroll", token -> SERVICE.api().put(base + "/citizens/REF-matrix").bearer(token)
                        .json(Fixtures.enrollment(Fixtures.newCpr(), "cw"))),
                new Route("publish plan", token -> SERVICE.api().put(base + "/citizens/" + citizen.citizenId() + "/plan")
                        .bearer(token).json(Fixtures.plan(citizen.citizenId()))),
                new Route("events", token -> SERVICE.api().get(base + "/events").bearer(token)));
    }

    static Stream<Arguments> everyMunicipalRoute() {
        return Stream.concat(caseworkerRoutes(), integrationRoutes()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseworkerRoutes")
    void the_other_municipalitys_caseworker_is_refused(Route route) {
        route.request().apply(SERVICE.issuers().caseworker("101")).send().expectProblem(403, "other-municipality");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrationRoutes")
    void the_other_municipalitys_case_system_is_refused(Route route) {
        route.request().apply(SERVICE.issuers().integration("101")).send().expectProblem(403, "other-municipality");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMunicipalRoute")
    void a_citizen_is_refused(Route route) {
        route.request().apply(citizen.token()).send().expectProblem(403, "role-required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseworkerRoutes")
    void a_case_system_is_not_a_caseworker(Route route) {
        route.request().apply(SERVICE.issuers().integration("851")).send().expectProblem(403, "role-required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrationRoutes")
    void a_caseworker_is_not_a_case_system(Route route) {
        route.request().apply(SERVICE.issuers().caseworker("851")).send().expectProblem(403, "role-required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMunicipalRoute")
    void without_a_token_every_route_is_401(Route route) {
        route.request().apply("").send().expect(401);
    }
}
