package dk.mitforlob.survey;

import java.util.Map;

/**
 * The survey's own setting, read from the environment like the rest (README.md lists it):
 * {@code MITFORLOB_SURVEY_SMALL_CELL_THRESHOLD}, the fewest respondents a shown figure may rest on.
 */
public record SurveySettings(long smallCellThreshold) {

    public static final long DEFAULT_THRESHOLD = 5;
    static final String THRESHOLD_VARIABLE = "MITFORLOB_SURVEY_SMALL_CELL_THRESHOLD";

    public SurveySettings {
        if (smallCellThreshold < 3 || smallCellThreshold > 100) {
            throw new IllegalArgumentException(THRESHOLD_VARIABLE + " must be between 3 and 100");
        }
    }

    public static SurveySettings fromEnvironment(Map<String, String> env) {
        String value = env.get(THRESHOLD_VARIABLE);
        if (value == null || value.isBlank()) {
            return new SurveySettings(DEFAULT_THRESHOLD);
        }
        try {
            return new SurveySettings(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THRESHOLD_VARIABLE + " must be a whole number, not '" + value + "'");
        }
    }
}
