package dk.mitforlob.platform.metrics;

import java.util.ArrayList;
import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Prometheus counters in the registry that {@code /observe/metrics} serves, behind a type of our
 * own so that domain code can count without importing Helidon.
 */
public final class Counters {

    private Counters() {
    }

    /** Something that only goes up. */
    @FunctionalInterface
    public interface Count {
        void add(long amount);

        default void increment() {
            add(1);
        }
    }

    /**
     * The counter of this name and tags, created on first use.
     *
     * @param tags names and values, alternating
     */
    public static Count of(String name, String description, String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in name-value pairs");
        }
        List<Tag> tagList = new ArrayList<>();
        for (int i = 0; i < tags.length; i += 2) {
            tagList.add(Tag.create(tags[i], tags[i + 1]));
        }
        Counter counter = Metrics.globalRegistry().getOrCreate(Counter.builder(name).description(description)
                .tags(tagList));
        return counter::increment;
    }
}
