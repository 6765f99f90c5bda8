package dk.mitforlob.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list, and where the next one starts when there is more. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextCursor);
    }

    /**
     * The page from up to {@code limit + 1} fetched items: the extra one only tells that there is
     * more, and the cursor is made from the last item shown.
     */
    public static <T> Page<T> fromFetched(List<T> fetched, int limit, Function<T, PageCursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, Optional.of(cursorOf.apply(shown.getLast()).encode()));
    }
}
