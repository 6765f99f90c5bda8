package dk.mitforlob.plan;

import java.time.Instant;
import java.util.List;

/**
 * One version of a plan as published: the whole plan, who published it and what changed from the
 * version before. Versions are never changed or removed; the history is all of them.
 */
public record PlanVersion(long version, Plan plan, Instant publishedAt, Author author, List<PlanChange> changes) {

    public PlanVersion {
        changes = List.copyOf(changes);
    }

    /** Who published a version: a caseworker (by subject) or the municipality's case system. */
    public record Author(String role, String subject) {
        public static final String CASEWORKER = "caseworker";
        public static final String CASE_SYSTEM = "case-system";
    }
}
