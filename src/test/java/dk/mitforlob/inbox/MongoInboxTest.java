package dk.mitforlob.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dk.mitforlob.platform.ids.Ids;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.TestClock;
import dk.mitforlob.testing.TestStores;

/** The inbox and outbox on the store: positions without gaps, delivery once, nothing left behind. */
class MongoInboxTest {

    private final TestStores.OwnStore own = TestStores.ownStore();
    private final MongoStore store = own.store();
    private final MongoInbox inbox = new MongoInbox(store);

    @AfterEach
    void close() throws Exception {
        own.close();
    }

    private static InboxItem item(String municipality) {
        return InboxItem.of(Ids.newId(), municipality, "citizen-1", InputType.ACTIVITY_COMMENT, Instant.now(),
                "Kommentar", Map.of("text", "hej"));
    }

    @Test
    void concurrent_deliveries_get_consecutive_positions_per_municipality() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String municipality = i % 2 == 0 ? "851" : "101";
            futures.add(pool.submit(() -> inbox.deliver(List.of(item(municipality)))));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        for (String municipality : List.of("851", "101")) {
            List<Long> seqs = inbox.after(municipality, 0, 1000).stream().map(i -> i.seq().orElseThrow()).toList();
            assertThat(seqs).hasSize(100);
            assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        }
    }

    @Test
    void a_hint_that_trails_the_feed_still_gives_the_next_position() {
        for (int i = 0; i < 5; i++) {
            inbox.deliver(List.of(item("851")));
        }
        store.collection("inbox_heads").updateOne(Filters.eq("_id", "851"),
                new Document("$set", new Document("seq", 1L)));

        inbox.deliver(List.of(item("851")));

        assertThat(inbox.after("851", 0, 100)).extracting(i -> i.seq().orElseThrow())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void a_feed_without_its_hint_continues_where_it_was() {
        inbox.deliver(List.of(item("851"), item("851")));
        store.collection("inbox_heads").deleteMany(new Document());

        inbox.deliver(List.of(item("851")));

        assertThat(inbox.after("851", 2, 100)).extracting(i -> i.seq().orElseThrow()).containsExactly(3L);
    }

    @Test
    void delivering_the_same_item_twice_stores_it_once() {
        InboxItem item = item("851");

        inbox.deliver(List.of(item));
        inbox.deliver(List.of(item));

        assertThat(inbox.after("851", 0, 10)).extracting(InboxItem::id).containsExactly(item.id());
    }

    @Test
    void an_outbox_left_behind_by_a_crash_is_delivered_by_the_sweep_once_its_announcement_is_old() {
        TestClock clock = new TestClock();
        clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        MongoOutbox outbox = new MongoOutbox(inbox, store, clock);
        MongoCollection<Document> things = store.collection("things");
        List<Object> derived = new ArrayList<>();
        outbox.register(things, derived::add);
        InboxItem item = item("851");
        // the feature announced and made its write, then the process died before it flushed:
        outbox.announce(things, "t1");
        things.insertOne(MongoOutbox.withOutbox(new Document("_id", "t1").append("value", 1), List.of(item)));
        assertThat(outbox.sweep()).as("a write this recent may still be flushed by its request").isZero();

        clock.set(Instant.parse("2026-11-20T10:00:00Z").plus(MongoOutbox.GRACE).plusSeconds(1));
        int flushed = outbox.sweep();

        assertThat(flushed).isEqualTo(1);
        assertThat(inbox.byId("851", item.id())).isPresent();
        assertThat(derived).containsExactly("t1");
        Document after = things.find(Filters.eq("_id", "t1")).first();
        assertThat(after.getList("outbox", Document.class)).isEmpty();
        assertThat(after.containsKey("outboxPending")).isFalse();
        assertThat(outbox.sweep()).isZero();
    }

    @Test
    void outboxes_written_before_writes_were_announced_are_found_by_looking_through_everything() {
        MongoOutbox outbox = new MongoOutbox(inbox, store, new TestClock());
        MongoCollection<Document> things = store.collection("things");
        outbox.register(things);
        InboxItem item = item("851");
        // as the first version wrote it: no announcement, a flag on the document
        things.insertOne(MongoOutbox.withOutbox(new Document("_id", "t1").append("value", 1), List.of(item))
                .append("outboxPending", true));

        assertThat(outbox.sweepEverything()).isEqualTo(1);
        assertThat(inbox.byId("851", item.id())).isPresent();
        assertThat(outbox.sweepEverything()).isZero();
    }

    @Test
    void marking_read_keeps_the_first_mark() {
        InboxItem item = item("851");
        inbox.deliver(List.of(item));

        inbox.markRead("851", item.id(), new InboxItem.ReadMark("first", Instant.parse("2026-11-20T10:00:00Z")));
        inbox.markRead("851", item.id(), new InboxItem.ReadMark("second", Instant.parse("2026-11-21T10:00:00Z")));

        assertThat(inbox.byId("851", item.id()).orElseThrow().read())
                .contains(new InboxItem.ReadMark("first", Instant.parse("2026-11-20T10:00:00Z")));
        assertThat(inbox.unreadCount("851", Inbox.Filter.all())).isZero();
        assertThat(inbox.markRead("101", item.id(), new InboxItem.ReadMark("x", Instant.now()))).isFalse();
    }

    @Test
    void unread_counts_are_per_citizen() {
        inbox.deliver(List.of(item("851"), item("851")));

        assertThat(inbox.unreadByCitizen("851", List.of("citizen-1", "citizen-2")))
                .containsExactly(Map.entry("citizen-1", 2L));
        assertThat(inbox.page("851", new Inbox.Filter(Optional.of("citizen-1"), Optional.empty(), true),
                Optional.empty(), 10)).hasSize(2);
    }
}
