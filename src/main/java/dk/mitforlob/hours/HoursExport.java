package dk.mitforlob.hours;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.privacy.ExportSection;
import dk.mitforlob.privacy.ExportWriter;

/** Paid hours in the citizen's export: every registration with every revision, withdrawn ones too. */
public final class HoursExport implements ExportSection {

    private final PaidHours hours;

    public HoursExport(PaidHours hours) {
        this.hours = hours;
    }

    @Override
    public String name() {
        return "hours";
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        out.list("registrations", emit -> hours.everyRegistration(citizen,
                registration -> emit.accept(RegistrationView.of(registration, true))));
    }
}
