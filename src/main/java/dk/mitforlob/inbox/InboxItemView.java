package dk.mitforlob.inbox;

import java.time.Instant;
import java.util.Map;

import dk.mitforlob.citizen.Citizen;

/** An inbox item as caseworkers and case systems see it. */
public record InboxItemView(String id, long seq, String citizenId, String citizenName, String externalRef,
                            InputType type, Instant occurredAt, String summary, Map<String, Object> details,
                            boolean read, Instant readAt, String readBy) {

    /** For caseworkers: with read state, without the case system's reference. */
    static InboxItemView forCaseworker(InboxItem item, Citizen citizen) {
        return new InboxItemView(item.id(), item.seq().orElse(0L), item.citizenId(),
                citizen == null ? null : citizen.name(), null, item.type(), item.occurredAt(), item.summary(),
                item.details(), item.read().isPresent(), item.read().map(InboxItem.ReadMark::at).orElse(null),
                item.read().map(InboxItem.ReadMark::by).orElse(null));
    }

    /** For case systems: with their reference, without the caseworkers' read state. */
    static InboxItemView forCaseSystem(InboxItem item, Citizen citizen) {
        return new InboxItemView(item.id(), item.seq().orElse(0L), item.citizenId(),
                citizen == null ? null : citizen.name(), citizen == null ? null : citizen.externalRef(), item.type(),
                item.occurredAt(), item.summary(), item.details(), false, null, null);
    }
}
