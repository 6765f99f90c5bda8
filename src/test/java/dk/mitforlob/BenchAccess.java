package dk.mitforlob;

/** What the benchmark (another package) needs to know of the wiring. */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** The start-up migration a population written in today's shape has no need of. */
    public static String storageMigration() {
        return Features.STORAGE_MIGRATION;
    }
}
