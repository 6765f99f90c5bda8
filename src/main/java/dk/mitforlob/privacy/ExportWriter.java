package dk.mitforlob.privacy;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Where a section writes its fields; the values are serialised as the API serialises them. */
public interface ExportWriter {

    /** A field with a bounded value (a record, a list of a few, a string ...); absent when null. */
    void value(String field, Object value);

    /** A field holding a list that {@code items} produces one item at a time, each written as it comes. */
    void list(String field, Consumer<Consumer<Object>> items);

    /**
     * Every item of a history read a page at a time: {@code pageAfter} gives the first page for
     * null and the page after an item otherwise; a page shorter than {@code pageSize} is the last.
     */
    static <T> void eachPage(int pageSize, Function<T, List<T>> pageAfter, Consumer<? super T> emit) {
        T last = null;
        while (true) {
            List<T> page = pageAfter.apply(last);
            page.forEach(emit);
            if (page.size() < pageSize) {
                return;
            }
            last = page.getLast();
        }
    }
}
