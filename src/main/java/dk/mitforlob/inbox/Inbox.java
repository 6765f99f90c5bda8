package dk.mitforlob.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen input of every municipality, in the order it arrived. It is both the caseworkers'
 * inbox and the case systems' event feed: each municipality's items carry a gap-free sequence
 * that only grows, so a feed reader that remembers the last number it saw misses nothing.
 */
public interface Inbox {

    /** Stores items not yet stored; an item already delivered is left as it is. */
    void deliver(List<InboxItem> items);

    Optional<InboxItem> byId(String municipality, String itemId);

    /** Newest first, filtered; {@code beforeSeq} continues a previous page. */
    List<InboxItem> page(String municipality, Filter filter, Optional<Long> beforeSeq, int limit);

    long unreadCount(String municipality, Filter filter);

    /** Unread items per citizen, for the given citizens. */
    Map<String, Long> unreadByCitizen(String municipality, Collection<String> citizenIds);

    /** Marks an item read; true when it exists. Marking it again keeps the first mark. */
    boolean markRead(String municipality, String itemId, InboxItem.ReadMark mark);

    /** The feed: items with a sequence number above {@code afterSeq}, oldest first. */
    List<InboxItem> after(String municipality, long afterSeq, int limit);

    /** What to show: one citizen's input, one kind, only unread — each optional. */
    record Filter(Optional<String> citizenId, Optional<InputType> type, boolean unreadOnly) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), false);
        }
    }
}
