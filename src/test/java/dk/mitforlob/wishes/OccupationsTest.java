package dk.mitforlob.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OccupationsTest {

    @Test
    void the_list_has_the_ten_major_groups_and_their_sub_major_groups() {
        assertThat(Occupations.majorGroups()).extracting(Occupation::code)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(Occupations.all()).hasSize(10 + 43);
    }

    @Test
    void every_sub_major_group_belongs_to_the_major_group_of_its_first_digit() {
        assertThat(Occupations.all()).allSatisfy(o -> {
            assertThat(o.majorGroup()).isEqualTo(o.code().substring(0, 1));
            assertThat(o.labelDa()).isNotBlank();
            assertThat(o.labelEn()).isNotBlank();
        });
    }

    @Test
    void codes_are_looked_up_exactly() {
        assertThat(Occupations.byCode("52")).map(Occupation::labelEn).contains("Sales workers");
        assertThat(Occupations.byCode("52")).map(Occupation::labelDa).contains("Salgsarbejde");
        assertThat(Occupations.isKnown("5")).isTrue();
        assertThat(Occupations.isKnown("520")).isFalse();
        assertThat(Occupations.isKnown("00")).isFalse();
        assertThat(Occupations.isKnown(null)).isFalse();
    }
}
