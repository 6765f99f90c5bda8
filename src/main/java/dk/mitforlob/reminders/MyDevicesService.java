package dk.mitforlob.reminders;

import java.time.Instant;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/me/devices/{installationId}}: the app registers its installation for pushes at
 * every start ({@code PUT}, safe to repeat: it takes no key) and removes it on sign-out ({@code DELETE}).
 */
public final class MyDevicesService implements HttpService {

    private final Citizens citizens;
    private final Devices devices;

    public MyDevicesService(Citizens citizens, Devices devices) {
        this.citizens = citizens;
        this.devices = devices;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/me/devices/{installationId}", this::register)
                .delete("/me/devices/{installationId}", this::remove);
    }

    /** A device as the app sees it; the token is not sent back. */
    record DeviceView(String installationId, DevicePlatform platform, String appVersion, Language language,
                      Instant registeredAt, Instant lastSeenAt) {
        static DeviceView of(Device device) {
            return new DeviceView(device.installationId(), device.platform(), device.appVersion(), device.language(),
                    device.registeredAt(), device.lastSeenAt());
        }
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void register(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        String installationId = Exchange.pathParam(req, "installationId");
        Devices.requireInstallationId(installationId);
        DeviceInput input = Exchange.readJson(req, DeviceInput.class);
        Devices.Registered registered = devices.register(citizen, installationId, input);
        Exchange.sendJson(res, registered.created() ? Status.CREATED_201 : Status.OK_200,
                DeviceView.of(registered.device()));
    }

    private void remove(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        devices.remove(citizen, Exchange.pathParam(req, "installationId"));
        res.status(Status.NO_CONTENT_204).send();
    }
}
