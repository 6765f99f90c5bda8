package dk.mitforlob.reminders;

import java.util.List;
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
        out.list("notifications", emit -> {
            Optional<NotificationRepository.Position> after = Optional.empty();
            while (true) {
                List<Notification> page = notifications.page(citizen.id(), after, PAGE);
                page.forEach(emit);
                if (page.size() < PAGE) {
                    return;
                }
                after = Optional.of(new NotificationRepository.Position(page.getLast().createdAt(), page.getLast().id()));
            }
        });
    }
}
