package dk.mitforlob.reminders;

import java.util.Optional;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.privacy.ExportSection;
import dk.mitforlob.privacy.ExportWriter;

/** Devices, notification preferences and the in-app notifications (newest first) in the citizen's export. */
public final class RemindersExport implements ExportSection {

    private static final int PAGE = 100;

    private final DeviceRepository devices;
    private final Preferences preferences;
    private final NotificationRepository notifications;

    public RemindersExport(DeviceRepository devices, Preferences preferences, NotificationRepository notifications) {
        this.devices = devices;
        this.preferences = preferences;
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        out.value("devices", devices.ofCitizen(citizen.id()));
        out.value("preferences", MyNotificationsService.PreferencesView.of(preferences.of(citizen)));
        out.list("notifications", emit -> ExportWriter.<Notification>eachPage(PAGE, last -> notifications.page(
                citizen.id(), Optional.ofNullable(last).map(n -> new NotificationRepository.Position(n.createdAt(),
                        n.id())), PAGE), emit));
    }
}
