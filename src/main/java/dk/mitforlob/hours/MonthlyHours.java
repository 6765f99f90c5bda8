package dk.mitforlob.hours;

import java.time.YearMonth;
import java.util.List;

/**
 * The hours each citizen had counted per month, kept up to date as registrations change, for the
 * evaluators' tables: reading a year for every citizen costs a few dozen documents.
 */
public interface MonthlyHours {

    /** Records a month's count as of {@code version} of that month; an older version never overwrites a newer. */
    void record(String citizenId, YearMonth month, long version, int quarters);

    /** Every citizen's count per month from {@code from} to {@code to}, months with none left out. */
    List<HoursRepository.CitizenMonth> between(YearMonth from, YearMonth to);
}
