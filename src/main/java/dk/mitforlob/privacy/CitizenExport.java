package dk.mitforlob.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.platform.json.Json;

/**
 * Everything stored about a citizen as one JSON document ({@code mobile-contract/export/}), written
 * straight to a stream as each section reads it: memory holds one item at a time, not the history.
 */
public final class CitizenExport {

    public static final String FORMAT = "mit-forlob-export/1";

    private final List<ExportSection> sections;
    private final Clock clock;

    public CitizenExport(List<ExportSection> sections, Clock clock) {
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    public void write(Citizen citizen, OutputStream out) {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            // whole seconds: one export's length does not depend on the milliseconds it was made in (HEAD = GET)
            json.writeObjectField("exportedAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            json.writeStringField("citizenId", citizen.id());
            for (ExportSection section : sections) {
                json.writeObjectFieldStart(section.name());
                section.write(citizen, new Writer(json));
                json.writeEndObject();
                json.flush();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Writer(JsonGenerator json) implements ExportWriter {
        @Override
        public void value(String field, Object value) {
            if (value == null) {
                return;
            }
            try {
                json.writeObjectField(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void list(String field, Consumer<Consumer<Object>> items) {
            try {
                json.writeArrayFieldStart(field);
                items.accept(item -> {
                    try {
                        json.writeObject(item);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
