package dk.mitforlob.citizen;

import java.time.LocalDate;
import java.util.regex.Pattern;

import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.security.CprHmac;

/** What a case system tells about a citizen it enrolls or updates. */
public record Enrollment(String cpr, String name, Programme programme, CaseworkerRef caseworker,
                         ContactPerson contactPerson, Language language, LocalDate programmeEndedOn) {

    /** An enrollment of a programme that runs. */
    public Enrollment(String cpr, String name, Programme programme, CaseworkerRef caseworker,
                      ContactPerson contactPerson, Language language) {
        this(cpr, name, programme, caseworker, contactPerson, language, null);
    }

    private static final Pattern EXTERNAL_REF = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}");

    public void validate() {
        Validation v = Validation.of();
        v.required("cpr", cpr);
        v.requiredText("name", name, 200);
        v.required("programme", programme);
        if (caseworker != null) {
            v.at("caseworker", nested -> CaseworkerRef.validate(nested, caseworker));
        }
        if (contactPerson != null) {
            v.at("contactPerson", nested -> ContactPerson.validate(nested, contactPerson));
        }
        v.date("programmeEndedOn", programmeEndedOn);
        v.throwIfInvalid();
    }

    /** A case system's reference goes in URLs, so it must be plain and must not be a CPR number. */
    public static void validateExternalRef(String externalRef) {
        Validation v = Validation.of();
        v.matches("externalRef", externalRef, EXTERNAL_REF,
                "must be 1-64 letters, digits, '.', '_' or '-', and not '.' or '..'");
        if (CprHmac.looksLikeCpr(externalRef)) {
            v.error("externalRef", "must not be a CPR number: CPR numbers never go in URLs");
        }
        v.throwIfInvalid();
    }

    public Language languageOrDefault() {
        return language == null ? Language.DA : language;
    }
}
