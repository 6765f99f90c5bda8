package dk.mitforlob.testing;

/**
 * The main method of a benchmark run by {@code make}: runs it, then ends the JVM with 0, or with 1
 * and the stack trace when it failed. The test issuer's server threads would otherwise keep the JVM,
 * and the make target after it, waiting once the figures are printed.
 */
public final class BenchmarkMain {

    /** A benchmark's body. */
    public interface Body {
        void run() throws Exception;
    }

    private BenchmarkMain() {
    }

    public static void run(Body body) {
        int status = 0;
        try {
            body.run();
        } catch (Exception | Error e) {
            // an Error too (an assertion, out of memory): uncaught it would leave the JVM waiting
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
