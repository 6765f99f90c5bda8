package dk.mitforlob.hours;

import dk.mitforlob.platform.errors.Validation;

/** Who paid for the hours: a name, and the CVR number when the citizen knows it. */
public record Employer(String name, String cvr) {

    public Employer {
        name = name == null ? null : name.strip();
        cvr = cvr == null ? null : cvr.strip();
    }

    void validate(Validation v) {
        v.requiredText("name", name, 200);
        if (cvr != null && !Cvr.isValid(cvr)) {
            v.error("cvr", "must be 8 digits that pass the modulus-11 check");
        }
    }
}
