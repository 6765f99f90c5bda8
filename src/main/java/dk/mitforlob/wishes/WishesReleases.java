package dk.mitforlob.wishes;

import java.time.YearMonth;
import java.util.Optional;

/** The monthly releases of the wishes table, one per ended month, written once. */
public interface WishesReleases {

    Optional<WishesRelease> find(YearMonth month);

    /** Stores the release unless one for its month exists: the first snapshot taken wins, on any instance. */
    void insertIfAbsent(WishesRelease release);
}
