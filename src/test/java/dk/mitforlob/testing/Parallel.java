package dk.mitforlob.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work over many items on a few threads, for benchmarks that seed as many clients would write. */
public final class Parallel {

    /** One item's work. */
    public interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    private Parallel() {
    }

    /** The results of {@code work} on every item, in the items' order; the first failure is thrown. */
    public static <T, R> List<R> map(int threads, List<T> items, Work<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
