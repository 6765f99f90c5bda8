package dk.mitforlob.survey;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One item of a questionnaire.
 *
 * @param id         stable within the questionnaire, e.g. {@code overall-satisfaction}
 * @param options    the answers offered (likert5: exactly five, codes 1 to 5; single and multi: 2 to 20)
 * @param maxLength  the longest answer a text item takes, in characters
 * @param enableWhen the item is shown only when all of these hold
 */
public record Item(String id, ItemType type, Map<String, String> text, Boolean required,
                   List<AnswerOption> options, Integer maxLength, List<Condition> enableWhen) {

    public Item {
        text = Texts.copy(text);
        options = options == null ? List.of() : List.copyOf(options);
        enableWhen = enableWhen == null ? List.of() : List.copyOf(enableWhen);
        required = required != null && required;
    }

    public boolean isRequired() {
        return required;
    }

    /**
     * The values a count is kept for: option codes for choice items, 0 to 10 for the scale, none for
     * text and display items.
     */
    public List<String> values() {
        return switch (type) {
            case LIKERT5, SINGLE, MULTI -> options.stream().map(AnswerOption::code).toList();
            case SCALE_0_TO_10 -> IntStream.rangeClosed(0, 10).mapToObj(Integer::toString).toList();
            case TEXT, DISPLAY -> List.of();
        };
    }

    /** The label of a value in {@code language} (Danish when missing); the number itself on the scale. */
    public String label(String value, String language) {
        return options.stream().filter(o -> o.code().equals(value)).findFirst()
                .map(o -> Texts.in(o.label(), language)).orElse(value);
    }

    /** Whether this item is shown, given the answers so far (item id → value). */
    boolean shown(Map<String, Object> answers) {
        return enableWhen.stream().allMatch(condition -> condition.holds(answers.get(condition.question())));
    }
}
