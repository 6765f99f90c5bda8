package dk.mitforlob.citizen;

import java.util.regex.Pattern;

import dk.mitforlob.platform.errors.Validation;

/** Who the citizen contacts at the job centre, and when they can be reached. */
public record ContactPerson(String name, String phone, String email, String officeHours) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{8,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

    public static void validate(Validation v, ContactPerson contact) {
        v.requiredText("name", contact.name(), 200)
                .text("phone", contact.phone(), 20)
                .matches("phone", contact.phone(), PHONE, "must be a phone number, e.g. +45 12 34 56 78")
                .text("email", contact.email(), 254)
                .matches("email", contact.email(), EMAIL, "must be an e-mail address")
                .text("officeHours", contact.officeHours(), 500);
    }
}
