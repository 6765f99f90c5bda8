package dk.mitforlob.platform.audit;

import java.util.List;

/** Append-only record of who read which citizen's data. There is deliberately no way to change or remove an entry. */
public interface AuditLog {

    /** Appends the entries; if this fails the read it records must fail too. */
    void append(List<AuditEntry> entries);

}
