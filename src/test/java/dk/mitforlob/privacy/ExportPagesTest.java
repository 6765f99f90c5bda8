package dk.mitforlob.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A section's history read a page at a time: every item once, in order, at every edge of a page. */
class ExportPagesTest {

    /** Items 1..count, newest last, read in pages of three after the last item seen. */
    private static List<Integer> readAll(int count, List<Integer> reads) {
        List<Integer> emitted = new ArrayList<>();
        ExportWriter.<Integer>eachPage(3, last -> {
            int from = last == null ? 1 : last + 1;
            reads.add(from);
            return IntStream.rangeClosed(from, Math.min(count, from + 2)).boxed().toList();
        }, emitted::add);
        return emitted;
    }

    @Test
    void every_item_once_with_no_items_one_page_a_full_page_and_several() {
        for (int count : new int[] {0, 1, 3, 4, 9, 10}) {
            List<Integer> reads = new ArrayList<>();
            assertThat(readAll(count, reads)).as("%d items", count)
                    .isEqualTo(IntStream.rangeClosed(1, count).boxed().toList());
            // a full last page is followed by one empty read; a short one ends it
            assertThat(reads).as("pages read for %d items", count).hasSize(count / 3 + 1);
        }
    }
}
