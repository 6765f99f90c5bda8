package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A registration as the API shows it: its current state, and on request every revision with what it changed. */
public record RegistrationView(String id, String status, LocalDate date, Employer employer, BigDecimal hours,
                               String note, String activityId, String isoWeek, String month, int revision,
                               Instant registeredAt, Instant updatedAt, List<RevisionView> revisions) {

    public record RevisionView(int number, Revision.Kind kind, LocalDate date, Employer employer, BigDecimal hours,
                               String note, String activityId, String reason, Instant at, List<FieldChange> changes) {
    }

    /** One field a correction changed, from what to what. */
    public record FieldChange(String field, Object from, Object to) {
    }

    public static RegistrationView of(Registration registration, boolean withRevisions) {
        Revision current = registration.current();
        List<RevisionView> revisions = null;
        if (withRevisions) {
            revisions = new ArrayList<>();
            Revision previous = null;
            for (Revision revision : registration.revisions()) {
                revisions.add(new RevisionView(revision.number(), revision.kind(), revision.date(), revision.employer(),
                        Hours.hours(revision.quarters()), revision.note(), revision.activityId(), revision.reason(),
                        revision.at(), previous == null ? List.of() : changes(previous, revision)));
                previous = revision;
            }
        }
        return new RegistrationView(registration.id(), registration.withdrawn() ? "withdrawn" : "active",
                current.date(), current.employer(), Hours.hours(current.quarters()), current.note(),
                current.activityId(), current.isoWeek(), current.month(), current.number(),
                registration.registeredAt(), current.at(), revisions);
    }

    private static List<FieldChange> changes(Revision before, Revision after) {
        List<FieldChange> changes = new ArrayList<>();
        if (!before.date().equals(after.date())) {
            changes.add(new FieldChange("date", before.date(), after.date()));
        }
        if (before.quarters() != after.quarters()) {
            changes.add(new FieldChange("hours", Hours.hours(before.quarters()), Hours.hours(after.quarters())));
        }
        if (!Objects.equals(before.employer().name(), after.employer().name())) {
            changes.add(new FieldChange("employer.name", before.employer().name(), after.employer().name()));
        }
        if (!Objects.equals(before.employer().cvr(), after.employer().cvr())) {
            changes.add(new FieldChange("employer.cvr", before.employer().cvr(), after.employer().cvr()));
        }
        if (!Objects.equals(before.note(), after.note())) {
            changes.add(new FieldChange("note", before.note(), after.note()));
        }
        if (!Objects.equals(before.activityId(), after.activityId())) {
            changes.add(new FieldChange("activityId", before.activityId(), after.activityId()));
        }
        return changes;
    }
}
