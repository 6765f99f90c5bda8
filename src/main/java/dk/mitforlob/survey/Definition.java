package dk.mitforlob.survey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.platform.errors.Validation;

/**
 * What a questionnaire version says: its title and its items. Checked when a draft is saved and
 * again when it is published; every fault is a 422 naming its place, e.g.
 * {@code items[3].enableWhen[0].answer}.
 */
public record Definition(Map<String, String> title, List<Item> items) {

    public static final int MAX_ITEMS = 60;
    static final int MAX_OPTIONS = 20;
    static final int MAX_CONDITIONS = 5;
    static final int MAX_TEXT_LENGTH = 4000;
    static final int TITLE_LENGTH = 200;
    static final int ITEM_TEXT_LENGTH = 1000;
    static final int LABEL_LENGTH = 200;
    private static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern OPTION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final List<String> LIKERT_CODES = List.of("1", "2", "3", "4", "5");

    public Definition {
        title = Texts.copy(title);
        items = items == null ? null : List.copyOf(items);
    }

    public Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /** Throws a 422 naming every fault, if there is any. */
    public void validate() {
        Validation v = Validation.of();
        Texts.validate(v, "title", title, TITLE_LENGTH);
        if (v.required("items", items)) {
            if (items.isEmpty()) {
                v.error("items", "must have at least one item");
            }
            v.maxItems("items", items, MAX_ITEMS);
            Map<String, Item> earlier = new HashMap<>();
            v.each("items", items, (at, item) -> {
                validate(at, item, earlier);
                if (item.id() != null && !earlier.containsKey(item.id())) {
                    earlier.put(item.id(), item);
                }
            });
            if (items.stream().noneMatch(i -> i.type() != null && i.type().answerable())) {
                v.error("items", "must have at least one item that can be answered");
            }
        }
        v.throwIfInvalid();
    }

    private static void validate(Validation v, Item item, Map<String, Item> earlier) {
        if (v.required("id", item.id())) {
            v.matches("id", item.id(), ITEM_ID, "must be 1-40 of a-z, 0-9 and -, starting with a letter");
            if (earlier.containsKey(item.id())) {
                v.error("id", "is already the id of an earlier item");
            }
        }
        Texts.validate(v, "text", item.text(), ITEM_TEXT_LENGTH);
        if (!v.required("type", item.type())) {
            return;
        }
        options(v, item);
        if (item.type() == ItemType.TEXT) {
            if (v.required("maxLength", item.maxLength())
                    && (item.maxLength() < 1 || item.maxLength() > MAX_TEXT_LENGTH)) {
                v.error("maxLength", "must be between 1 and " + MAX_TEXT_LENGTH);
            }
        } else if (item.maxLength() != null) {
            v.error("maxLength", "is only for text items");
        }
        if (item.type() == ItemType.DISPLAY && item.isRequired()) {
            v.error("required", "must be false: a display item has nothing to answer");
        }
        v.maxItems("enableWhen", item.enableWhen(), MAX_CONDITIONS);
        v.each("enableWhen", item.enableWhen(), (at, condition) -> condition(at, condition, earlier));
    }

    private static void options(Validation v, Item item) {
        List<AnswerOption> options = item.options();
        switch (item.type()) {
            case LIKERT5 -> {
                if (options.size() != 5 || !options.stream().map(AnswerOption::code).toList().equals(LIKERT_CODES)) {
                    v.error("options", "must be the five labels of the scale, with codes 1, 2, 3, 4, 5 in order");
                }
            }
            case SINGLE, MULTI -> {
                if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                    v.error("options", "must have between 2 and " + MAX_OPTIONS + " options");
                }
            }
            default -> {
                if (!options.isEmpty()) {
                    v.error("options", "are only for likert5, single and multi items");
                }
                return;
            }
        }
        Set<String> codes = new HashSet<>();
        v.each("options", options, (at, option) -> {
            if (at.required("code", option.code())) {
                at.matches("code", option.code(), OPTION_CODE, "must be 1-40 of a-z, 0-9 and -");
                if (!codes.add(option.code())) {
                    at.error("code", "is already the code of another option of this item");
                }
            }
            Texts.validate(at, "label", option.label(), LABEL_LENGTH);
        });
    }

    private static void condition(Validation v, Condition condition, Map<String, Item> earlier) {
        if (!v.required("question", condition.question())) {
            return;
        }
        Item target = earlier.get(condition.question());
        if (target == null) {
            v.error("question", "must be the id of an earlier item");
            return;
        }
        if (target.type() == null || !target.type().answerable() || target.type() == ItemType.TEXT) {
            v.error("question", "must be a likert5, single, multi or scale0to10 item");
            return;
        }
        if (!v.required("operator", condition.operator())) {
            return;
        }
        if (condition.operator().ordering() && target.type() != ItemType.SCALE_0_TO_10) {
            v.error("operator", ">= and <= are for scale0to10 items; use = or !=");
        }
        JsonNode answer = condition.answer();
        if (!v.required("answer", answer == null || answer.isNull() ? null : answer)) {
            return;
        }
        switch (target.type()) {
            case LIKERT5 -> wholeNumber(v, answer, 1, 5);
            case SCALE_0_TO_10 -> wholeNumber(v, answer, 0, 10);
            default -> {
                if (!answer.isTextual() || target.values().stream().noneMatch(answer.asText()::equals)) {
                    v.error("answer", "must be the code of one of the options of item " + target.id());
                }
            }
        }
    }

    private static void wholeNumber(Validation v, JsonNode answer, int min, int max) {
        if (!answer.isInt() || answer.asInt() < min || answer.asInt() > max) {
            v.error("answer", "must be a whole number from " + min + " to " + max);
        }
    }
}
