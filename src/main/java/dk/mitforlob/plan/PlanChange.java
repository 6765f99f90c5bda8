package dk.mitforlob.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** One thing that changed from one plan version to the next. */
public record PlanChange(Kind kind, Item item, String itemId, String title) {

    public enum Kind implements Codes.Coded {
        ADDED("added"), CHANGED("changed"), REMOVED("removed"), CANCELLED("cancelled"), MOVED("moved");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Kind fromCode(String code) {
            return Codes.parse(Kind.class, code);
        }
    }

    public enum Item implements Codes.Coded {
        GOAL("goal"), ACTIVITY("activity"), MEETING("meeting"), CONTACT("contact");

        private final String code;

        Item(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Item fromCode(String code) {
            return Codes.parse(Item.class, code);
        }
    }
}
