package dk.mitforlob.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.platform.errors.Validation;

/**
 * What a citizen sends to answer a round: {@code {"answers": [{"itemId": ..., "value": ...}]}}.
 * Checked against the questionnaire: known items, the right type and range for each, option codes
 * that exist, every required item that is shown answered, and nothing answered that the answers
 * before it do not show. A fault is a 422 naming the answer ({@code answers[2].value}).
 */
public record ResponseInput(List<Answer> answers) {

    public ResponseInput {
        answers = answers == null ? null : new ArrayList<>(answers);
    }

    /** One answer; {@code value} is a whole number, an option code, a list of option codes or a text. */
    public record Answer(String itemId, JsonNode value) {
    }

    /** The answers as item id → value (Integer, String or List of String), in questionnaire order. */
    Map<String, Object> check(Definition definition) {
        Validation v = Validation.of();
        Map<String, Object> given = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        if (v.required("answers", answers)) {
            v.maxItems("answers", answers, Definition.MAX_ITEMS);
            Set<String> seen = new HashSet<>();
            v.each("answers", answers, (at, answer) -> {
                Item item = checkItem(at, definition, answer, seen);
                if (item != null) {
                    Object value = value(at, item, answer.value());
                    if (value != null) {
                        given.put(item.id(), value);
                        index.put(item.id(), answers.indexOf(answer));
                    }
                }
            });
        }
        v.throwIfInvalid();
        Map<String, Object> shown = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Item item : definition.items()) {
            boolean visible = item.shown(shown);
            Object value = given.get(item.id());
            if (value != null && !visible) {
                v.error("answers[" + index.get(item.id()) + "].itemId", "item " + item.id()
                        + " is not shown with these answers (its condition does not hold), so it cannot be answered");
            } else if (value != null) {
                shown.put(item.id(), value);
            } else if (visible && item.isRequired()) {
                missing.add(item.id());
            }
        }
        for (String id : missing) {
            v.error("answers", "item " + id + " is required");
        }
        v.throwIfInvalid();
        return shown;
    }

    private static Item checkItem(Validation at, Definition definition, Answer answer, Set<String> seen) {
        if (!at.required("itemId", answer.itemId())) {
            return null;
        }
        Item item = definition.item(answer.itemId());
        if (item == null) {
            at.error("itemId", "is not an item of this questionnaire");
            return null;
        }
        if (!item.type().answerable()) {
            at.error("itemId", "is a display item: there is nothing to answer");
            return null;
        }
        if (!seen.add(item.id())) {
            at.error("itemId", "is answered twice");
            return null;
        }
        return item;
    }

    private static Object value(Validation at, Item item, JsonNode value) {
        if (value == null || value.isNull()) {
            at.error("value", "is required");
            return null;
        }
        switch (item.type()) {
            case LIKERT5, SCALE_0_TO_10 -> {
                int max = item.type() == ItemType.LIKERT5 ? 5 : 10;
                int min = item.type() == ItemType.LIKERT5 ? 1 : 0;
                if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
                    at.error("value", "must be a whole number from " + min + " to " + max);
                    return null;
                }
                return value.asInt();
            }
            case SINGLE -> {
                if (!value.isTextual() || !item.values().contains(value.asText())) {
                    at.error("value", "must be one of the codes " + item.values());
                    return null;
                }
                return value.asText();
            }
            case MULTI -> {
                return codes(at, item, value);
            }
            case TEXT -> {
                if (!value.isTextual()) {
                    at.error("value", "must be a text");
                    return null;
                }
                String text = value.asText().strip();
                if (text.isEmpty()) {
                    at.error("value", "must not be blank; leave the item out to not answer it");
                } else if (text.codePointCount(0, text.length()) > item.maxLength()) {
                    at.error("value", "must be at most " + item.maxLength() + " characters");
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                    at.error("value", "must not contain control characters");
                } else {
                    return text;
                }
                return null;
            }
            default -> throw new IllegalStateException("not answerable: " + item.type());
        }
    }

    private static List<String> codes(Validation at, Item item, JsonNode value) {
        if (!value.isArray() || value.isEmpty() || value.size() > item.values().size()) {
            at.error("value", "must be a list of 1 to " + item.values().size() + " of the codes " + item.values());
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode code : value) {
            if (!code.isTextual() || !item.values().contains(code.asText()) || codes.contains(code.asText())) {
                at.error("value", "must be distinct codes among " + item.values());
                return null;
            }
            codes.add(code.asText());
        }
        // kept in the questionnaire's order: the order the citizen ticked them in is not an answer
        return item.values().stream().filter(codes::contains).toList();
    }
}
