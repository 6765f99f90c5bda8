package dk.mitforlob.privacy;

import java.util.function.Consumer;

/** Where a section writes its fields; the values are serialised as the API serialises them. */
public interface ExportWriter {

    /** A field with a bounded value (a record, a list of a few, a string ...); absent when null. */
    void value(String field, Object value);

    /** A field holding a list that {@code items} produces one item at a time, each written as it comes. */
    void list(String field, Consumer<Consumer<Object>> items);
}
