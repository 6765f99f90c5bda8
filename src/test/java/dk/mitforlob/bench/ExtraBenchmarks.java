package dk.mitforlob.bench;

import java.util.List;

/**
 * Benchmarks beyond the routes of {@link Routes}, each adding rows to the table: the one place to
 * add one (survey results over 100,000 answers and the reminders' fan-out will join here). A runner
 * gets the running service and the population, and returns its rows.
 */
final class ExtraBenchmarks {

    /** A benchmark of its own: it measures what it needs and reports rows for the table. */
    interface Runner {
        String name();

        List<Report.Row> run(Bench.Context context) throws Exception;
    }

    private ExtraBenchmarks() {
    }

    static List<Runner> all() {
        return List.of(new ExportBenchmark());
    }
}
