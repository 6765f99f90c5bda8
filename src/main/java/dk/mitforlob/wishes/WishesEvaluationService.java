package dk.mitforlob.wishes;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.evaluation.SmallCells;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/evaluation/wishes?month=YYYY-MM&groupBy=municipality|programme}: how often
 * each wish and each interest group was chosen at the end of an ended month, for evaluators, with
 * small cells suppressed. Released per month from a snapshot ({@link MonthlyWishesRelease}), never
 * live: two live reads a day apart could be subtracted to see what one citizen changed.
 * Aggregates only: no row is one citizen, so reading it is not audited per citizen.
 */
public final class WishesEvaluationService implements HttpService {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final MonthlyWishesRelease releases;

    public WishesEvaluationService(MonthlyWishesRelease releases) {
        this.releases = releases;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/evaluation/wishes", this::table);
    }

    /** The table as sent. */
    record Table(String month, Instant takenAt, GroupBy groupBy, long threshold, List<Row> groups, Row total) {
    }

    /** A row as sent: a hidden figure is left out and named in {@code suppressed}. */
    record Row(String group, String name, Long citizens, Map<String, Long> wishes, Map<String, Long> interestGroups,
               List<String> suppressed) {
    }

    private void table(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.EVALUATOR);
        GroupBy groupBy = Exchange.query(req, "groupBy")
                .map(code -> GroupBy.fromCode(code).orElseThrow(() -> Exchange.invalidQuery("groupBy",
                        "must be one of " + String.join(", ", Arrays.stream(GroupBy.values()).map(GroupBy::code)
                                .toList()))))
                .orElse(GroupBy.MUNICIPALITY);
        String code = Exchange.query(req, "month").orElseThrow(() -> Exchange.invalidQuery("month",
                "is required: a month that has ended, YYYY-MM"));
        if (!MONTH.matcher(code).matches()) {
            throw Exchange.invalidQuery("month", "must be a month, YYYY-MM");
        }
        YearMonth month = YearMonth.parse(code);
        if (month.isAfter(releases.lastEnded())) {
            throw Exchange.invalidQuery("month", "must be a month that has ended");
        }
        WishesRelease release = releases.release(month).orElseThrow(() -> Rejection.notFound("wishes-not-released",
                "No snapshot of the wishes was taken at the end of " + month));
        WishesTable table = WishesStatistics.table(release, groupBy);
        Exchange.ok(res, new Table(month.toString(), release.takenAt(), groupBy, SmallCells.THRESHOLD,
                table.groups().stream().map(row -> row(row, groupBy)).toList(), row(table.total(), groupBy)));
    }

    private static Row row(WishesTable.Row row, GroupBy groupBy) {
        Map<String, Long> wishes = new LinkedHashMap<>();
        row.wishes().forEach((type, count) -> wishes.put(type.code(), count));
        String name = row.group() != null && groupBy == GroupBy.MUNICIPALITY
                ? Municipalities.name(row.group()).orElse(null) : null;
        return new Row(row.group(), name, row.citizens(), wishes, row.interestGroups(), row.suppressed());
    }
}
