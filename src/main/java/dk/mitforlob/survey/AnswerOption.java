package dk.mitforlob.survey;

import java.util.Map;

/** One answer an item offers: a stable {@code code} and its label per language. */
public record AnswerOption(String code, Map<String, String> label) {

    public AnswerOption {
        label = Texts.copy(label);
    }
}
