package dk.mitforlob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's table, printed and written as JSON under target/bench/. */
final class Report {

    /**
     * One row of the route table.
     *
     * @param ceilingPerSecond the static answer of the same size on the same server and port
     * @param tableMillis      for tables over everyone: the median time of one request on its own
     */
    record Row(String route, int responseBytes, double perSecond, double ceilingPerSecond, Load.Latency atRate,
               Double tableMillis, String note) {

        double ratio() {
            return ceilingPerSecond > 0 ? perSecond / ceilingPerSecond : Double.NaN;
        }
    }

    /** A figure beside the table, with its target when it has one. */
    record Figure(String name, String value, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> setup = new LinkedHashMap<>();

    void setup(String name, Object value) {
        setup.put(name, value);
    }

    void add(Row row) {
        rows.add(row);
        System.out.println("  " + line(row));
    }

    void figure(String name, String value, String target, Boolean met) {
        figures.add(new Figure(name, value, target, met));
        System.out.println("  " + name + ": " + value + (target == null ? "" : " (target " + target + ")"));
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| route | bytes | req/s (wrk) | ceiling req/s | of ceiling | p50 @ rate | p99 @ rate | rate achieved"
                + " | one request |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(line(row)).append('\n');
        }
        out.append('\n');
        out.append("| figure | value | target | met |\n|---|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ")
                    .append(f.target() == null ? "" : f.target()).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    private static String line(Row row) {
        Load.Latency l = row.atRate();
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f %% | %s | %s | %s | %s |%s", row.route(),
                row.responseBytes(), row.perSecond(), row.ceilingPerSecond(), row.ratio() * 100,
                l == null ? "" : String.format(Locale.ROOT, "%.1f ms", l.p50Millis()),
                l == null ? "" : String.format(Locale.ROOT, "%.1f ms", l.p99Millis()),
                l == null ? "" : String.format(Locale.ROOT, "%.0f/s%s", l.achievedRate(),
                        l.non2xx() + l.failed() > 0 ? " (" + (l.non2xx() + l.failed()) + " failed)" : ""),
                row.tableMillis() == null ? "" : String.format(Locale.ROOT, "%.0f ms", row.tableMillis()),
                row.note() == null ? "" : " " + row.note());
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("setup", setup);
        json.put("routes", rows);
        json.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules()
                .writeValue(directory.resolve("bench.json").toFile(), json);
        Files.writeString(directory.resolve("bench.md"), table());
    }
}
