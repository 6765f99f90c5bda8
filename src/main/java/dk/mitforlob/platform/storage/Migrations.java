package dk.mitforlob.platform.storage;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dk.mitforlob.platform.ids.Ids;

/**
 * Moves stored data to the shape the code expects, at start-up, before the server listens. One
 * instance runs a migration under a lease in the {@code migrations} collection while any others
 * wait for it to finish, so no instance serves requests against half-moved data; an instance that
 * dies mid-way leaves the lease to run out and the next one runs the migration again. Every step
 * must therefore be idempotent: run again over data it already moved, it changes nothing.
 */
public final class Migrations {

    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofMillis(500);

    /** One idempotent step; it calls {@code stillMine} now and then to keep the lease while it works. */
    public interface Step {
        String name();

        void run(Runnable stillMine);
    }

    /** A step from a name and what it does. */
    public static Step step(String name, java.util.function.Consumer<Runnable> work) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Runnable stillMine) {
                work.accept(stillMine);
            }
        };
    }

    private final MongoCollection<Document> migrations;
    private final Clock clock;

    public Migrations(MongoStore store, Clock clock) {
        this.migrations = store.collection("migrations");
        this.clock = clock;
    }

    /** Runs the migration {@code id} unless it has run, or waits while another instance runs it. */
    public void run(String id, List<Step> steps) {
        String holder = Ids.newId();
        while (true) {
            Document existing = migrations.find(Filters.eq("_id", id)).first();
            if (existing != null && "done".equals(existing.getString("state"))) {
                return;
            }
            if (claim(id, holder, existing)) {
                break;
            }
            sleep();
        }
        long started = System.nanoTime();
        Runnable stillMine = () -> renew(id, holder);
        for (Step step : steps) {
            LOG.log(Level.INFO, "Migration {0}: {1}", id, step.name());
            step.run(stillMine);
            stillMine.run();
        }
        migrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("holder", holder)),
                Updates.combine(Updates.set("state", "done"), Updates.set("doneAt", Date.from(clock.instant()))));
        LOG.log(Level.INFO, "Migration {0} done in {1} ms", id, (System.nanoTime() - started) / 1_000_000);
    }

    private boolean claim(String id, String holder, Document existing) {
        Instant now = clock.instant();
        if (existing == null) {
            return MongoWrites.insertIfAbsent(migrations, new Document("_id", id).append("state", "running")
                    .append("holder", holder).append("leaseUntil", Date.from(now.plus(LEASE))));
        }
        Date lease = existing.getDate("leaseUntil");
        if (lease.toInstant().isAfter(now)) {
            return false;
        }
        return migrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("leaseUntil", lease)),
                Updates.combine(Updates.set("holder", holder), Updates.set("leaseUntil", Date.from(now.plus(LEASE)))))
                .getModifiedCount() == 1;
    }

    private void renew(String id, String holder) {
        boolean mine = migrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("holder", holder)),
                Updates.set("leaseUntil", Date.from(clock.instant().plus(LEASE)))).getMatchedCount() == 1;
        if (!mine) {
            throw new IllegalStateException("Migration " + id + " was taken over by another instance; stopping here");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a migration", e);
        }
    }
}
