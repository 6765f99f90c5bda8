package dk.mitforlob.hours;

import java.time.LocalDate;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.http.IdempotentRequests;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/** {@code /api/v1/me/hours...}: the citizen registers, corrects and withdraws paid hours, and sees totals. */
public final class MyHoursService implements HttpService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final Citizens citizens;
    private final PaidHours hours;
    private final IdempotentRequests idempotent;
    private final int windowDays;

    public MyHoursService(Citizens citizens, PaidHours hours, IdempotentRequests idempotent, int windowDays) {
        this.citizens = citizens;
        this.hours = hours;
        this.idempotent = idempotent;
        this.windowDays = windowDays;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/me/hours", this::register)
                .get("/me/hours", this::list)
                .get("/me/hours/summary", this::summary)
                .get("/me/hours/{registrationId}", this::one)
                .put("/me/hours/{registrationId}", this::correct)
                .delete("/me/hours/{registrationId}", this::withdraw);
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void register(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        idempotent.create(req, res, citizen.id() + ":hours", HoursInput.class, (input, operationId) -> {
            Registration registration = hours.register(citizen, input, operationId);
            return IdempotentRequests.json(Status.CREATED_201, RegistrationView.of(registration, true),
                    Map.of("Location", "/api/v1/me/hours/" + registration.id()));
        });
    }

    private void list(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        Period period = Period.of(req, hours.today(), windowDays);
        Exchange.ok(res, hours.registrations(citizen, period.from(), period.to(),
                Exchange.queryBoolean(req, "includeWithdrawn").orElse(false), Exchange.query(req, "cursor"),
                Exchange.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT))
                .map(r -> RegistrationView.of(r, false)));
    }

    private void summary(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        Period period = Period.of(req, hours.today(), windowDays);
        Exchange.ok(res, hours.summary(citizen, period.from(), period.to()));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String id = Exchange.pathParam(req, "registrationId");
        Registration registration = hours.registration(citizen, id).orElseThrow(() -> Rejection.notFound(
                "registration-not-found", "You have no registration of paid hours with id " + id));
        Exchange.ok(res, RegistrationView.of(registration, true));
    }

    private void correct(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        HoursInput input = Exchange.readJson(req, HoursInput.class);
        Exchange.ok(res, RegistrationView.of(hours.correct(citizen, Exchange.pathParam(req, "registrationId"), input),
                true));
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        HoursInput.Withdrawal withdrawal = Exchange.readJson(req, HoursInput.Withdrawal.class);
        Exchange.ok(res, RegistrationView.of(hours.withdraw(citizen, Exchange.pathParam(req, "registrationId"),
                withdrawal), true));
    }

    /** A period from the {@code from} and {@code to} query parameters; by default the registration window. */
    record Period(LocalDate from, LocalDate to) {
        static Period of(ServerRequest req, LocalDate today, int windowDays) {
            LocalDate to = Exchange.queryDate(req, "to").orElse(today);
            LocalDate from = Exchange.queryDate(req, "from").orElse(to.minusDays(windowDays));
            if (from.isAfter(to)) {
                throw Exchange.invalidQuery("from", "must not be after 'to'");
            }
            if (from.plusYears(3).isBefore(to)) {
                throw Exchange.invalidQuery("from", "must be at most three years before 'to'");
            }
            return new Period(from, to);
        }
    }
}
