package dk.mitforlob.privacy;

import dk.mitforlob.citizen.Citizen;

/**
 * One feature's part of a citizen's export: a JSON object under {@link #name()}. Each feature
 * writes its own section from its own domain API, so a new feature adds a section and nothing else
 * changes. Collections are written an item at a time ({@link ExportWriter#list}), read with a cursor,
 * so that the export never holds a citizen's history in memory.
 */
public interface ExportSection {

    /** The field the section is written under, e.g. {@code plan}. */
    String name();

    void write(Citizen citizen, ExportWriter out);
}
