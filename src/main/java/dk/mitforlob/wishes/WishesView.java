package dk.mitforlob.wishes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dk.mitforlob.citizen.Language;

/** The current wishes as the API shows them: the document with its version and when it was stated. */
public record WishesView(long version, Instant changedAt, Interests interests, List<Wish> wishes,
                         BigDecimal hoursPerWeek, String constraints, String whatMatters) {

    public static WishesView of(WishesVersion version) {
        Wishes w = version.wishes();
        return new WishesView(version.version(), version.changedAt(), w.interests(), w.wishes(), w.hoursPerWeek(),
                w.constraints(), w.whatMatters());
    }

    /** A version in a history list: the document as it became, and what changed, told in {@code language}. */
    public record HistoryEntry(long version, Instant changedAt, String summary, WishesChange changes,
                               Wishes wishes) {

        public static HistoryEntry of(WishesVersion version, Language language) {
            return new HistoryEntry(version.version(), version.changedAt(),
                    version.change().summary(version.wishes(), language), version.change(), version.wishes());
        }
    }
}
