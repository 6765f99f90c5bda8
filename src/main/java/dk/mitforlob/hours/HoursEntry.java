package dk.mitforlob.hours;

import java.time.LocalDate;

/** What a registration says: worked this many quarter hours on this day for this employer. */
public record HoursEntry(LocalDate date, Employer employer, int quarters, String note, String activityId) {
}
