package dk.mitforlob.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.mitforlob.platform.errors.Validation;

/**
 * What a survey administrator sends to set up a round. Opening and closing times are wall-clock
 * times in Europe/Copenhagen, to the minute ({@code 2026-12-01T09:00}); a time that does not exist
 * (the hour skipped in spring) or exists twice (the hour repeated in autumn) is refused rather than
 * guessed.
 */
public record RoundInput(String questionnaireId, Integer questionnaireVersion, Map<String, String> title,
                         Target target, String opensAtLocal, String closesAtLocal) {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final Duration LONGEST = Duration.ofDays(366);
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The checked input: times resolved to instants. */
    record Checked(LocalDateTime opensLocal, LocalDateTime closesLocal, Instant opensAt, Instant closesAt) {
    }

    Checked check(Instant now) {
        Validation v = Validation.of();
        v.required("questionnaireId", questionnaireId);
        v.matches("questionnaireId", questionnaireId, QUESTIONNAIRE_ID, "must be the id of a questionnaire");
        if (v.required("questionnaireVersion", questionnaireVersion) && questionnaireVersion < 1) {
            v.error("questionnaireVersion", "must be 1 or more");
        }
        Texts.validate(v, "title", title, Definition.TITLE_LENGTH);
        if (v.required("target", target)) {
            v.at("target", target::validate);
        }
        LocalDateTime opens = local(v, "opensAtLocal", opensAtLocal);
        LocalDateTime closes = local(v, "closesAtLocal", closesAtLocal);
        Instant opensAt = opens == null ? null : instant(v, "opensAtLocal", opens);
        Instant closesAt = closes == null ? null : instant(v, "closesAtLocal", closes);
        if (opensAt != null && closesAt != null) {
            if (!closesAt.isAfter(opensAt)) {
                v.error("closesAtLocal", "must be after opensAtLocal");
            } else if (Duration.between(opensAt, closesAt).compareTo(LONGEST) > 0) {
                v.error("closesAtLocal", "must be at most 366 days after opensAtLocal");
            }
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            v.error("closesAtLocal", "must be in the future");
        }
        v.throwIfInvalid();
        return new Checked(opens, closes, opensAt, closesAt);
    }

    private static LocalDateTime local(Validation v, String field, String value) {
        if (!v.required(field, value)) {
            return null;
        }
        if (!LOCAL_TIME.matcher(value).matches()) {
            v.error(field, "must be a time in Europe/Copenhagen as YYYY-MM-DDTHH:MM");
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(value);
            v.instant(field, time.toInstant(ZoneOffset.UTC));
            return time;
        } catch (DateTimeParseException e) {
            v.error(field, "is not a real date and time");
            return null;
        }
    }

    /** The instant of a Copenhagen wall-clock time; refused in the spring gap and the autumn overlap. */
    static Instant instant(Validation v, String field, LocalDateTime time) {
        List<ZoneOffset> offsets = COPENHAGEN.getRules().getValidOffsets(time);
        if (offsets.isEmpty()) {
            v.error(field, "does not exist in Copenhagen: the clocks skip this hour when summer time starts");
            return null;
        }
        if (offsets.size() > 1) {
            v.error(field, "happens twice in Copenhagen when summer time ends; pick a time outside 02:00-03:00");
            return null;
        }
        return time.toInstant(offsets.getFirst());
    }
}
