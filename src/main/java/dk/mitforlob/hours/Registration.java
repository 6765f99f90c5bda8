package dk.mitforlob.hours;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registration of paid hours and every revision of it; the last revision is what counts. */
public record Registration(String id, List<Revision> revisions) {

    public Registration {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("A registration has at least one revision");
        }
    }

    public Revision current() {
        return revisions.getLast();
    }

    public boolean withdrawn() {
        return current().kind() == Revision.Kind.WITHDRAWN;
    }

    /** Quarters that count towards totals: none once withdrawn. */
    public int countedQuarters() {
        return withdrawn() ? 0 : current().quarters();
    }

    public Instant registeredAt() {
        return revisions.getFirst().at();
    }

    Registration with(Revision revision) {
        List<Revision> next = new ArrayList<>(revisions);
        next.add(revision);
        return new Registration(id, next);
    }
}
