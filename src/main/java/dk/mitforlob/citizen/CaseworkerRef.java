package dk.mitforlob.citizen;

import dk.mitforlob.platform.errors.Validation;

/**
 * The caseworker responsible for a citizen. {@code id} is the caseworker's subject at the
 * employee issuer, so their caseload can be found from their token.
 */
public record CaseworkerRef(String id, String name) {

    public static void validate(Validation v, CaseworkerRef caseworker) {
        v.requiredText("id", caseworker.id(), 200).requiredText("name", caseworker.name(), 200);
    }
}
