package dk.mitforlob.survey;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import dk.mitforlob.platform.json.Codes;

/**
 * Conditional display ({@code enableWhen}): the item is shown only when an earlier item's answer
 * matches. An earlier item left unanswered (or not shown) matches no condition, so what hangs on it
 * is not shown either. Several conditions on one item must all hold.
 *
 * @param question the id of an earlier item
 * @param answer   an option code for single and multi items (for multi: "the answer includes it"),
 *                 a whole number for likert5 and scale0to10 items
 */
public record Condition(String question, Operator operator, JsonNode answer) {

    public enum Operator implements Codes.Coded {
        EQUALS("="), NOT_EQUALS("!="), AT_LEAST(">="), AT_MOST("<=");

        private final String code;

        Operator(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Operator fromCode(String code) {
            return Codes.parse(Operator.class, code);
        }

        /** Ordering makes sense on the 0–10 scale; the other items compare by equality. */
        boolean ordering() {
            return this == AT_LEAST || this == AT_MOST;
        }
    }

    /** Whether {@code value}, the answer given to {@link #question()} (null when none), satisfies this condition. */
    boolean holds(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof List<?> codes) {
            boolean contains = codes.contains(answer.asText());
            return operator == Operator.NOT_EQUALS ? !contains : contains;
        }
        if (value instanceof Integer number) {
            int expected = answer.asInt();
            return switch (operator) {
                case EQUALS -> number == expected;
                case NOT_EQUALS -> number != expected;
                case AT_LEAST -> number >= expected;
                case AT_MOST -> number <= expected;
            };
        }
        boolean equal = value.equals(answer.asText());
        return operator == Operator.NOT_EQUALS ? !equal : equal;
    }
}
