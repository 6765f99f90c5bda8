package dk.mitforlob.hours;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registration's id names the month it was registered in, {@code 2026-03.<operation id>}: it is
 * found there with one read, with no index of ids to keep. One that moved to another month since
 * has a placement saying where; so do registrations of the first shape, whose ids name no month.
 */
final class RegistrationIds {

    private static final Pattern WITH_MONTH = Pattern.compile("(\\d{4}-\\d{2})\\.(.+)");

    private RegistrationIds() {
    }

    /** The id of the registration made by {@code operationId} for a day of {@code month}: the same on every retry. */
    static String of(YearMonth month, String operationId) {
        return month + "." + operationId;
    }

    /** The month an id names, if it names one. */
    static Optional<YearMonth> month(String id) {
        Matcher matcher = WITH_MONTH.matcher(id);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(matcher.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
