package dk.mitforlob.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private static SmallCells.Suppression suppress(long[] counts) {
        double[][] values = new double[counts.length][1];
        boolean[][] primary = new boolean[counts.length][1];
        long[][] sizes = new long[counts.length][1];
        for (int i = 0; i < counts.length; i++) {
            values[i][0] = counts[i];
            primary[i][0] = SmallCells.tooFew(counts[i]);
            sizes[i][0] = counts[i];
        }
        return SmallCells.suppress(values, primary, sizes);
    }

    @Test
    void counts_of_one_to_four_are_hidden_and_zero_and_five_are_shown() {
        assertThat(SmallCells.tooFew(0)).isFalse();
        assertThat(SmallCells.tooFew(1)).isTrue();
        assertThat(SmallCells.tooFew(4)).isTrue();
        assertThat(SmallCells.tooFew(5)).isFalse();
    }

    @Test
    void a_table_without_rows_hides_no_total() {
        SmallCells.Suppression suppression = SmallCells.suppress(new double[0][], new boolean[0][], new long[0][]);

        assertThat(suppression.totalHidden(0)).isFalse();
        assertThat(suppression.totalHidden(2)).isFalse();
    }

    @Test
    void a_table_without_small_cells_hides_nothing() {
        var s = suppress(new long[] {12, 30, 7});

        assertThat(s.hidden(0, 0) || s.hidden(1, 0) || s.hidden(2, 0) || s.totalHidden(0)).isFalse();
    }

    @Test
    void a_lone_hidden_cell_takes_the_smallest_other_with_it() {
        var s = suppress(new long[] {12, 3, 30, 7});

        assertThat(s.hidden(1, 0)).isTrue();
        assertThat(s.hidden(3, 0)).as("the smallest visible cell is hidden too").isTrue();
        assertThat(s.hidden(0, 0)).isFalse();
        assertThat(s.hidden(2, 0)).isFalse();
        assertThat(s.totalHidden(0)).isFalse();
    }

    @Test
    void hidden_cells_that_together_rest_on_too_few_citizens_take_more_with_them() {
        var s = suppress(new long[] {1, 2, 40, 9, 6});

        assertThat(s.hidden(0, 0)).isTrue();
        assertThat(s.hidden(1, 0)).isTrue();
        assertThat(s.hidden(4, 0)).as("1 + 2 citizens would be exposed by the total").isTrue();
        assertThat(s.hidden(3, 0)).isFalse();
    }

    @Test
    void with_nothing_else_to_hide_the_total_is_hidden() {
        var s = suppress(new long[] {3});

        assertThat(s.hidden(0, 0)).isTrue();
        assertThat(s.totalHidden(0)).isTrue();
    }

    @Test
    void no_hidden_cell_can_be_recovered_by_subtracting_the_shown_cells_from_the_total() {
        long[] counts = {3, 17, 8, 2, 25, 1};
        var s = suppress(counts);

        long total = 0;
        long shown = 0;
        int hidden = 0;
        for (int r = 0; r < counts.length; r++) {
            total += counts[r];
            if (s.hidden(r, 0)) {
                hidden++;
            } else {
                shown += counts[r];
            }
        }
        assertThat(hidden).isNotEqualTo(1);
        assertThat(s.totalHidden(0) || total - shown >= SmallCells.THRESHOLD).isTrue();
    }
}
