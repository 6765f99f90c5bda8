package dk.mitforlob.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.platform.audit.AuditEntry;
import dk.mitforlob.platform.audit.AuditLog;
import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;

/**
 * The citizen's view of the audit log: who (the kind of actor and its municipality, never the
 * person) read or changed their data, what and why. Read straight from the audit log, not kept twice.
 */
public final class AccessLog {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final String CURSOR = "access-log";
    private static final Pattern ENTRY_ID = Pattern.compile("[0-9a-f]{24}");

    private final AuditLog audit;

    public AccessLog(AuditLog audit) {
        this.audit = audit;
    }

    /** The actor as the citizen may see it: a kind and a municipality, e.g. "sagsbehandler, Aalborg Kommune". */
    public record Actor(String kind, String municipalityCode, String text) {
    }

    public record Entry(Instant at, Actor actor, String action, String resource, String what, String why) {
    }

    /** A page of the citizen's access log for the days {@code from} to {@code to} inclusive, newest first. */
    public Page<Entry> page(Citizen citizen, LocalDate from, LocalDate to, Optional<String> cursor, int limit) {
        Optional<AuditLog.Position> after = cursor.map(AccessLog::position);
        List<AuditLog.Recorded> fetched = audit.othersOn(citizen.id(), from.atStartOfDay(COPENHAGEN).toInstant(),
                to.plusDays(1).atStartOfDay(COPENHAGEN).toInstant(), after, limit + 1);
        return Page.fromFetched(fetched, limit, recorded -> PageCursor.of(CURSOR,
                        recorded.entry().at().toString(), recorded.id()))
                .map(recorded -> entry(recorded.entry(), citizen.language()));
    }

    static Entry entry(AuditEntry entry, Language language) {
        String kind = AccessTexts.actorKind(entry.actorRole(), language);
        String text = entry.municipality() == null ? kind
                : kind + ", " + AccessTexts.municipality(entry.municipality(), language);
        AccessTexts.Access access = AccessTexts.of(entry.action(), entry.resource());
        return new Entry(entry.at(), new Actor(entry.actorRole(), entry.municipality(), text), entry.action(),
                entry.resource(), access.what().in(language), access.why().in(language));
    }

    private static AuditLog.Position position(String cursor) {
        PageCursor decoded = PageCursor.decode(cursor, CURSOR, 2);
        try {
            if (ENTRY_ID.matcher(decoded.value(1)).matches()) {
                return new AuditLog.Position(Instant.parse(decoded.value(0)), decoded.value(1));
            }
        } catch (DateTimeParseException e) {
            // falls through to the rejection below
        }
        throw Rejection.badRequest("invalid-cursor", "The cursor was not issued for this list")
                .withErrors(List.of(new FieldError("cursor", "was not issued for this list")));
    }
}
