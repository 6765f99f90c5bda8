package dk.mitforlob.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.security.Caller;
import dk.mitforlob.platform.security.CprHmac;

/** Finding enrolled citizens, and enrolling them on behalf of their municipality's case system. */
public final class Citizens {

    private static final int MAX_ATTEMPTS = 5;
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final CitizenRepository repository;
    private final CprHmac cprHmac;
    private final Clock clock;
    private final List<Consumer<Citizen>> enrollmentListeners;

    public Citizens(CitizenRepository repository, CprHmac cprHmac, Clock clock) {
        this(repository, cprHmac, clock, new CopyOnWriteArrayList<>());
    }

    private Citizens(CitizenRepository repository, CprHmac cprHmac, Clock clock,
                     List<Consumer<Citizen>> enrollmentListeners) {
        this.repository = repository;
        this.cprHmac = cprHmac;
        this.clock = clock;
        this.enrollmentListeners = enrollmentListeners;
    }

    /**
     * The same citizens, enrolling as of another clock: demo data for programmes that began months
     * ago. The listeners are the same ones: an enrollment dated back is rolled up like any other.
     */
    public Citizens asOf(Clock enrollmentClock) {
        return new Citizens(repository, cprHmac, enrollmentClock, enrollmentListeners);
    }

    /** The citizen a citizen token belongs to; 404 {@code citizen-not-enrolled} when their municipality has not enrolled them. */
    public Citizen signedIn(Caller caller) {
        return caller.citizenKey()
                .flatMap(repository::byCprHmac)
                .orElseThrow(() -> Rejection.notFound("citizen-not-enrolled",
                        "You are not enrolled in Mit Forløb; your job centre enrolls you when your programme starts"));
    }

    /**
     * A citizen of {@code municipality}. A citizen of another municipality is reported as not found,
     * so that a caller cannot learn who is enrolled elsewhere.
     */
    public Citizen inMunicipality(String municipality, String citizenId) {
        return repository.byId(citizenId)
                .filter(citizen -> citizen.municipality().equals(municipality))
                .orElseThrow(() -> Rejection.notFound("citizen-not-found",
                        "No citizen with this id is enrolled in municipality " + municipality));
    }

    public Optional<Citizen> byId(String citizenId) {
        return repository.byId(citizenId);
    }

    /** The citizens with these ids, by id. */
    public Map<String, Citizen> byIds(Collection<String> citizenIds) {
        Map<String, Citizen> found = new HashMap<>();
        repository.byIds(citizenIds).forEach(citizen -> found.put(citizen.id(), citizen));
        return found;
    }

    public List<Citizen> caseload(String municipality, Optional<String> caseworkerId,
                                  Optional<CitizenRepository.Position> after, int limit) {
        return repository.inMunicipality(municipality, caseworkerId, after, limit);
    }

    /**
     * Tells {@code listener} of every citizen as enrolled or updated, after it is stored, and again
     * when an enrollment is repeated unchanged: a listener that missed it (the process died in
     * between) catches up when the case system retries. Listeners must be idempotent.
     */
    public void onEnrollment(Consumer<Citizen> listener) {
        enrollmentListeners.add(listener);
    }

    private EnrollmentOutcome told(EnrollmentOutcome outcome) {
        enrollmentListeners.forEach(listener -> listener.accept(outcome.citizen()));
        return outcome;
    }

    /** Citizens whose programme ended before {@code day}, a batch at a time: retention deletes them. */
    public List<Citizen> programmeEndedBefore(LocalDate day, int limit) {
        return repository.programmeEndedBefore(day, limit);
    }

    /** Removes the citizen as read; false when the case system changed them meanwhile (they stay). */
    public boolean remove(Citizen citizen) {
        return repository.remove(citizen);
    }

    /** Visits every enrolled citizen, for aggregate statistics. */
    public void forEach(Consumer<Citizen> visitor) {
        repository.forEach(visitor);
    }


    /** The result of an enrollment: the citizen as stored, and whether this call created or changed it. */
    public record EnrollmentOutcome(Citizen citizen, boolean created, boolean changed) {
    }

    /**
     * Enrolls a citizen under the case system's reference, or updates them. Safe to repeat: the same
     * request again changes nothing and returns the same id.
     */
    public EnrollmentOutcome enroll(String municipality, String externalRef, Enrollment enrollment) {
        Enrollment.validateExternalRef(externalRef);
        enrollment.validate();
        if (enrollment.programmeEndedOn() != null
                && enrollment.programmeEndedOn().isAfter(LocalDate.ofInstant(clock.instant(), COPENHAGEN))) {
            Validation.of().error("programmeEndedOn", "must not be in the future: send it when the programme has ended")
                    .throwIfInvalid();
        }
        String hmac = cprHmac.digest(enrollment.cpr(), "cpr");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<Citizen> existing = repository.byExternalRef(municipality, externalRef);
            if (existing.isPresent()) {
                Citizen current = existing.get();
                if (!current.cprHmac().equals(hmac)) {
                    throw Rejection.conflict("external-ref-taken",
                            "Reference " + externalRef + " already belongs to another citizen in this municipality");
                }
                Citizen updated = new Citizen(current.id(), municipality, externalRef, hmac, enrollment.name(),
                        enrollment.programme(), enrollment.caseworker(), enrollment.contactPerson(),
                        enrollment.languageOrDefault(), current.enrolledAt(), now, current.version() + 1,
                        enrollment.programmeEndedOn());
                if (updated.sameDetailsAs(current)) {
                    return told(new EnrollmentOutcome(current, false, false));
                }
                if (repository.replace(updated, current.version())) {
                    return told(new EnrollmentOutcome(updated, false, true));
                }
                continue;
            }
            Optional<Citizen> samePerson = repository.byCprHmac(hmac);
            if (samePerson.isPresent()) {
                throw samePerson.get().municipality().equals(municipality)
                        ? Rejection.conflict("already-enrolled",
                                "This person is already enrolled in this municipality under another reference")
                        : Rejection.conflict("enrolled-elsewhere",
                                "This person is enrolled by another municipality, which must end that enrollment first");
            }
            Citizen created = new Citizen(Ids.newId(), municipality, externalRef, hmac, enrollment.name(),
                    enrollment.programme(), enrollment.caseworker(), enrollment.contactPerson(),
                    enrollment.languageOrDefault(), now, now, 1, enrollment.programmeEndedOn());
            if (repository.insert(created)) {
                return told(new EnrollmentOutcome(created, true, true));
            }
        }
        throw Rejection.conflict("concurrent-update", "The citizen was changed concurrently; try again");
    }
}
