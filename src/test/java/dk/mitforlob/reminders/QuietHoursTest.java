package dk.mitforlob.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Quiet hours on the wall clock in Copenhagen, on ordinary nights and on both nights the clocks change. */
class QuietHoursTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final QuietHours NIGHT = QuietHours.DEFAULT;

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void the_default_is_nine_in_the_evening_to_eight_in_the_morning() {
        assertThat(NIGHT).isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
    }

    @Test
    void outside_quiet_hours_nothing_is_held() {
        assertThat(NIGHT.endIfInside(utc("2026-11-24T12:00:00Z"), CPH)).isEmpty();
        assertThat(NIGHT.endIfInside(utc("2026-11-24T19:59:59Z"), CPH)).as("20:59:59 in winter").isEmpty();
        assertThat(NIGHT.endIfInside(utc("2026-11-24T07:00:00Z"), CPH)).as("08:00 sharp, the end").isEmpty();
    }

    @Test
    void in_the_evening_a_push_is_held_until_next_morning() {
        assertThat(NIGHT.endIfInside(utc("2026-11-24T20:00:00Z"), CPH)).as("21:00 sharp, the start")
                .contains(utc("2026-11-25T07:00:00Z"));
        assertThat(NIGHT.endIfInside(utc("2026-11-24T22:59:59Z"), CPH)).as("23:59:59")
                .contains(utc("2026-11-25T07:00:00Z"));
    }

    @Test
    void after_midnight_a_push_is_held_until_the_same_morning() {
        assertThat(NIGHT.endIfInside(utc("2026-11-24T23:00:00Z"), CPH)).as("00:00")
                .contains(utc("2026-11-25T07:00:00Z"));
        assertThat(NIGHT.endIfInside(utc("2026-11-25T06:59:59Z"), CPH)).as("07:59:59")
                .contains(utc("2026-11-25T07:00:00Z"));
    }

    @Test
    void quiet_hours_within_one_day_work_too() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30));

        assertThat(afternoon.endIfInside(utc("2026-11-24T12:30:00Z"), CPH)).contains(utc("2026-11-24T14:30:00Z"));
        assertThat(afternoon.endIfInside(utc("2026-11-24T11:59:00Z"), CPH)).isEmpty();
        assertThat(afternoon.endIfInside(utc("2026-11-24T14:30:00Z"), CPH)).isEmpty();
    }

    @Test
    void on_the_night_to_summer_time_the_quiet_night_is_an_hour_shorter() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00Z)
        Instant evening = utc("2026-03-28T20:00:00Z");
        Instant morning = utc("2026-03-29T06:00:00Z");

        assertThat(NIGHT.endIfInside(evening, CPH)).as("21:00 CET").contains(morning);
        assertThat(NIGHT.endIfInside(utc("2026-03-29T00:59:59Z"), CPH)).as("01:59:59 CET").contains(morning);
        assertThat(NIGHT.endIfInside(utc("2026-03-29T01:00:00Z"), CPH)).as("03:00 CEST").contains(morning);
        assertThat(NIGHT.endIfInside(morning, CPH)).as("08:00 CEST").isEmpty();
        assertThat(Duration.between(evening, morning)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void on_the_night_to_winter_time_the_quiet_night_is_an_hour_longer() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00Z); 02:00-03:00 happens twice
        Instant evening = utc("2026-10-24T19:00:00Z");
        Instant morning = utc("2026-10-25T07:00:00Z");

        assertThat(NIGHT.endIfInside(evening, CPH)).as("21:00 CEST").contains(morning);
        assertThat(NIGHT.endIfInside(utc("2026-10-25T00:30:00Z"), CPH)).as("02:30 CEST").contains(morning);
        assertThat(NIGHT.endIfInside(utc("2026-10-25T01:30:00Z"), CPH)).as("02:30 CET, again").contains(morning);
        assertThat(NIGHT.endIfInside(morning, CPH)).as("08:00 CET").isEmpty();
        assertThat(Duration.between(evening, morning)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void an_end_in_the_skipped_hour_comes_when_the_clocks_jump() {
        QuietHours early = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));

        assertThat(early.endIfInside(utc("2026-03-29T00:00:00Z"), CPH)).as("01:00 CET; 02:30 does not exist")
                .contains(utc("2026-03-29T01:00:00Z"));
    }

    @Test
    void an_end_in_the_repeated_hour_is_never_before_the_push() {
        QuietHours early = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));

        assertThat(early.endIfInside(utc("2026-10-25T00:10:00Z"), CPH)).as("02:10 CEST, the first 02:30 is next")
                .contains(utc("2026-10-25T00:30:00Z"));
        assertThat(early.endIfInside(utc("2026-10-25T01:10:00Z"), CPH)).as("02:10 CET, the second 02:30 is next")
                .contains(utc("2026-10-25T01:30:00Z"));
    }

    @Test
    void a_time_of_day_is_covered_from_the_start_up_to_the_end() {
        assertThat(NIGHT.covers(LocalTime.of(21, 0))).isTrue();
        assertThat(NIGHT.covers(LocalTime.MIDNIGHT)).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(7, 59))).isTrue();
        assertThat(NIGHT.covers(LocalTime.of(8, 0))).isFalse();
        assertThat(NIGHT.covers(LocalTime.of(20, 59))).isFalse();
    }

    @Test
    void quiet_hours_must_start_and_end_at_different_times() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
