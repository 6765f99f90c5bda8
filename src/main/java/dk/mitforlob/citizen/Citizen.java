package dk.mitforlob.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A citizen enrolled by their municipality's case system.
 *
 * @param id            our opaque id, used in URLs instead of anything personal
 * @param municipality  three-digit municipality code
 * @param externalRef   the case system's own reference (never a CPR number)
 * @param cprHmac       keyed HMAC of the CPR number; the number itself is not stored
 * @param version       raised on every change, for optimistic concurrency
 * @param programmeEndedOn the day the case system said the programme ended; null while it runs.
 *                      Retention deletes the citizen's data some years after it.
 */
public record Citizen(String id, String municipality, String externalRef, String cprHmac, String name,
                      Programme programme, CaseworkerRef caseworker, ContactPerson contactPerson, Language language,
                      Instant enrolledAt, Instant updatedAt, long version, LocalDate programmeEndedOn) {

    /** A citizen whose programme runs. */
    public Citizen(String id, String municipality, String externalRef, String cprHmac, String name,
                   Programme programme, CaseworkerRef caseworker, ContactPerson contactPerson, Language language,
                   Instant enrolledAt, Instant updatedAt, long version) {
        this(id, municipality, externalRef, cprHmac, name, programme, caseworker, contactPerson, language, enrolledAt,
                updatedAt, version, null);
    }

    public Citizen {
        Objects.requireNonNull(id);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(externalRef);
        Objects.requireNonNull(cprHmac);
        Objects.requireNonNull(name);
        Objects.requireNonNull(programme);
        Objects.requireNonNull(language);
        Objects.requireNonNull(enrolledAt);
        Objects.requireNonNull(updatedAt);
    }

    /** True when the enrollment details equal those of {@code other}, ignoring bookkeeping. */
    public boolean sameDetailsAs(Citizen other) {
        return name.equals(other.name) && programme == other.programme
                && Objects.equals(caseworker, other.caseworker)
                && Objects.equals(contactPerson, other.contactPerson) && language == other.language
                && Objects.equals(programmeEndedOn, other.programmeEndedOn);
    }
}
