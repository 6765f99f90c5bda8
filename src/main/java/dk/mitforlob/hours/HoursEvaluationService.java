package dk.mitforlob.hours;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

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
 * hidden. Periods are whole calendar months that have ended: two periods a day apart could
 * otherwise be subtracted from each other to single out the hours one person worked on one day.
 * The figures come from roll-ups kept up to date as citizens are enrolled and hours registered
 * ({@link Enrollments}, {@link MonthlyHours}), not from every citizen's registrations.
 */
public final class HoursEvaluationService implements HttpService {

    private final Enrollments enrollments;
    private final MonthlyHours monthlyHours;
    private final PaidHours hours;

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
        if (from.getDayOfMonth() != 1) {
            throw Exchange.invalidQuery("from", "must be the first day of a month");
        }
        if (!to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            throw Exchange.invalidQuery("to", "must be the last day of a month");
        }
        if (!to.isBefore(hours.today().withDayOfMonth(1))) {
            throw Exchange.invalidQuery("to", "must be the end of a month that has ended");
        }
        if (from.isAfter(to)) {
            throw Exchange.invalidQuery("from", "must not be after 'to'");
        }
        if (from.plusYears(3).isBefore(to)) {
            throw Exchange.invalidQuery("from", "must be at most three years before 'to'");
        }
        HoursEvaluation.GroupBy groupBy = Exchange.query(req, "groupBy")
                .map(code -> HoursEvaluation.GroupBy.fromCode(code).orElseThrow(() ->
                        Exchange.invalidQuery("groupBy", "must be month, municipality or programme")))
                .orElseThrow(() -> Exchange.invalidQuery("groupBy", "is required: month, municipality or programme"));
        List<HoursEvaluation.Member> members = enrollments.all().stream()
                .map(e -> new HoursEvaluation.Member(e.citizenId(), e.municipality(), e.programme(), e.enrolledOn()))
                .toList();
        Exchange.ok(res, HoursEvaluation.compute(from, to, groupBy, members,
                monthlyHours.between(YearMonth.from(from), YearMonth.from(to))));
    }
}
