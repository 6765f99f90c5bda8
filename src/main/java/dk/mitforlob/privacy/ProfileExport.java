package dk.mitforlob.privacy;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.reference.Municipalities;

/**
 * The citizen as enrolled. The keyed hash of the CPR number is left out: it is no information about
 * the citizen, only a way to find them, and cannot be turned back into the number.
 */
public final class ProfileExport implements ExportSection {

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        out.value("name", citizen.name());
        out.value("municipality", citizen.municipality());
        out.value("municipalityName", Municipalities.name(citizen.municipality()).orElse(citizen.municipality()));
        out.value("caseReference", citizen.externalRef());
        out.value("programme", citizen.programme());
        out.value("caseworker", citizen.caseworker());
        out.value("contactPerson", citizen.contactPerson());
        out.value("language", citizen.language());
        out.value("enrolledAt", citizen.enrolledAt());
        out.value("updatedAt", citizen.updatedAt());
        out.value("programmeEndedOn", citizen.programmeEndedOn());
    }
}
