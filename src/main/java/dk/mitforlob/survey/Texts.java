package dk.mitforlob.survey;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dk.mitforlob.platform.errors.Validation;

/**
 * Texts of a questionnaire as data: a map from language code to text, so a language can be added
 * without a code change. Danish is required everywhere; it is also what a reader gets when their
 * language is missing.
 */
public final class Texts {

    public static final String DANISH = "da";
    static final int MAX_LANGUAGES = 10;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private Texts() {
    }

    /** A copy in language order, so two equal texts compare and store alike. */
    static Map<String, String> copy(Map<String, String> texts) {
        return texts == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    /** The text in {@code language}, or in Danish when there is none in that language. */
    public static String in(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text != null ? text : texts.get(DANISH);
    }

    /** A required text: present, with Danish, language codes of two letters, each text within {@code max}. */
    static void validate(Validation v, String field, Map<String, String> texts, int max) {
        if (!v.required(field, texts)) {
            return;
        }
        if (texts.size() > MAX_LANGUAGES) {
            v.error(field, "must have at most " + MAX_LANGUAGES + " languages");
        }
        if (!texts.containsKey(DANISH)) {
            v.error(field + "." + DANISH, "is required: every text must be there in Danish");
        }
        texts.forEach((language, text) -> {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                v.error(field, "has a language code that is not two lower-case letters (ISO 639-1, e.g. da, en)");
            } else {
                v.requiredText(field + "." + language, text, max);
            }
        });
    }
}
