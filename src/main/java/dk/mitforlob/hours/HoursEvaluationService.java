package dk.mitforlob.hours;

import java.time.LocalDate;
import java.time.YearMonth;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.evaluation.Enrollments;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code GET /api/v1/evaluation/paid-hours}: the programme outcome, aggregated and with small cells
 * hidden. A period is one calendar month, quarter or year that has ended: periods a day apart,
 * or overlapping ones, could otherwise be subtracted from each other to single out one person, and
 * the fixed hierarchy lets every figure of the year be suppressed against every other at once
 * ({@link OutcomeCube}).
 * The figures come from roll-ups kept up to date as citizens are enrolled and hours registered
 * ({@link Enrollments}, {@link MonthlyHours}), not from every citizen's registrations.
 */
public final class HoursEvaluationService implements HttpService {

    private final Enrollments enrollments;
    private final MonthlyHours monthlyHours;
    private final PaidHours hours;
    private final DecidedYears decided = new DecidedYears();

    public HoursEvaluationService(Enrollments enrollments, MonthlyHours monthlyHours, PaidHours hours) {
        this.enrollments = enrollments;
        this.monthlyHours = monthlyHours;
        this.hours = hours;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/evaluation/paid-hours", this::outcome);
    }

    private void outcome(ServerRequest req, ServerResponse res) {
        Access.require(req, Role.EVALUATOR);
        LocalDate from = Exchange.queryDate(req, "from").orElseThrow(() -> Exchange.invalidQuery("from", "is required"));
        LocalDate to = Exchange.queryDate(req, "to").orElseThrow(() -> Exchange.invalidQuery("to", "is required"));
        if (!OutcomePeriod.startsAPeriod(from)) {
            throw Exchange.invalidQuery("from", "must be the first day of a month, a quarter or a year");
        }
        OutcomePeriod period = OutcomePeriod.of(from, to).orElseThrow(() -> Exchange.invalidQuery("to",
                "must be the last day of the month, quarter or year that 'from' starts"));
        YearMonth lastEnded = YearMonth.from(hours.today()).minusMonths(1);
        if (period.last().isAfter(lastEnded)) {
            throw Exchange.invalidQuery("to", "must be the end of a month, quarter or year that has ended");
        }
        HoursEvaluation.GroupBy groupBy = Exchange.query(req, "groupBy")
                .map(code -> HoursEvaluation.GroupBy.fromCode(code).orElseThrow(() ->
                        Exchange.invalidQuery("groupBy", "must be month, municipality or programme")))
                .orElseThrow(() -> Exchange.invalidQuery("groupBy", "is required: month, municipality or programme"));
        YearMonth upTo = period.year() < lastEnded.getYear() ? YearMonth.of(period.year(), 12) : lastEnded;
        OutcomeCube cube = decided.of(upTo, hours.now(), () -> new DecidedYears.Inputs(enrollments.all().stream()
                .map(e -> new HoursEvaluation.Member(e.citizenId(), e.municipality(), e.programme(), e.enrolledOn()))
                .toList(), monthlyHours.between(YearMonth.of(period.year(), 1), upTo)));
        Exchange.ok(res, HoursEvaluation.answer(cube, period, groupBy));
    }
}
