package dk.mitforlob.citizen;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/** {@code /api/v1/me}: the signed-in citizen's own profile. */
public final class MeService implements HttpService {

    private final Citizens citizens;

    public MeService(Citizens citizens) {
        this.citizens = citizens;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me", this::profile);
    }

    private void profile(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizens.signedIn(Access.require(req, Role.CITIZEN));
        if (!Etags.answeredNotModified(req, res, Etags.of(citizen.version()))) {
            Exchange.ok(res, Profile.from(citizen));
        }
    }

    /** The citizen's view of themselves. The CPR number is never part of it. */
    record Profile(String citizenId, String name, MunicipalityView municipality, Programme programme,
                   ContactPerson contactPerson, Language preferredLanguage) {

        static Profile from(Citizen citizen) {
            return new Profile(citizen.id(), citizen.name(), MunicipalityView.of(citizen.municipality()),
                    citizen.programme(), citizen.contactPerson(), citizen.language());
        }
    }

    /** A municipality as the app shows it. */
    public record MunicipalityView(String code, String name) {
        public static MunicipalityView of(String code) {
            return new MunicipalityView(code, Municipalities.name(code).orElse(code));
        }
    }
}
