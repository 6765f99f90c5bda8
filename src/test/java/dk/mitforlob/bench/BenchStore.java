package dk.mitforlob.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dk.mitforlob.platform.storage.EmbeddedMongo;

/**
 * The embedded store in a process of its own, as a database server is: the service under
 * measurement then runs in production mode against {@code MONGODB_URI}, with only its own memory
 * in its RSS. Prints {@code PORT <n>} once it listens; stops when its standard input closes.
 */
public final class BenchStore {

    private BenchStore() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongo store = EmbeddedMongo.onDisk(Path.of(args[0]));
        String uri = store.connectionString();
        System.out.println("PORT " + uri.substring(uri.lastIndexOf(':') + 1));
        System.out.flush();
        CountDownLatch stdinClosed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing to read; the parent closing the pipe is the signal
                }
            } catch (java.io.IOException e) {
                // closed
            }
            stdinClosed.countDown();
        });
        watcher.setDaemon(true);
        watcher.start();
        stdinClosed.await();
        store.close();
    }
}
