package dk.mitforlob.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The routes {@code make bench} measures: the one place to add a route. Each names who calls it;
 * the generators give each request a caller of that kind, rotating over many of them.
 */
final class Routes {

    /** Who calls a route, which decides the token and, for a caseworker, the municipality in the path. */
    enum Caller { CITIZEN, CASEWORKER, EVALUATOR }

    /**
     * One measured route.
     *
     * @param path   the path, with {@code {municipality}} where the caller's municipality goes
     * @param writes a registration of paid hours with a fresh Idempotency-Key per request
     */
    record Route(String name, String method, String path, Caller caller, boolean writes) {
    }

    private Routes() {
    }

    static List<Route> all(LocalDate today) {
        // the last calendar year that has ended: periods are a month, a quarter or a year
        int lastYear = YearMonth.from(today).getYear() - 1;
        String year = "from=" + YearMonth.of(lastYear, 1).atDay(1) + "&to=" + YearMonth.of(lastYear, 12).atEndOfMonth();
        return List.of(
                new Route("GET /me/plan", "GET", "/api/v1/me/plan", Caller.CITIZEN, false),
                new Route("POST /me/hours", "POST", "/api/v1/me/hours", Caller.CITIZEN, true),
                new Route("GET /me/hours?limit=50", "GET", "/api/v1/me/hours?limit=50", Caller.CITIZEN, false),
                new Route("GET /me/hours/summary", "GET", "/api/v1/me/hours/summary", Caller.CITIZEN, false),
                new Route("GET caseworker inbox", "GET", "/api/v1/municipalities/{municipality}/inbox",
                        Caller.CASEWORKER, false),
                new Route("GET paid-hours outcome (year)", "GET",
                        "/api/v1/evaluation/paid-hours?" + year + "&groupBy=municipality", Caller.EVALUATOR, false),
                new Route("GET wishes table", "GET",
                        "/api/v1/evaluation/wishes?month=" + YearMonth.from(today).minusMonths(1) + "&groupBy=municipality",
                        Caller.EVALUATOR, false));
    }

    /** Routes whose figures are tables over everyone: their time for one request is held against 200 ms. */
    static boolean isEvaluatorTable(Route route) {
        return route.caller() == Caller.EVALUATOR;
    }
}
