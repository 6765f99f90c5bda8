package dk.mitforlob.survey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** What kind of question an item is, and so what an answer to it looks like. */
public enum ItemType implements Codes.Coded {
    /** Five ordered answers (1 to 5) with a label each, e.g. very dissatisfied … very satisfied. Answer: 1–5. */
    LIKERT5("likert5"),
    /** One of the item's options. Answer: an option code. */
    SINGLE("single"),
    /** Any of the item's options, at least one. Answer: a list of distinct option codes. */
    MULTI("multi"),
    /** A whole number from 0 to 10. */
    SCALE_0_TO_10("scale0to10"),
    /** Free text up to the item's {@code maxLength}; never part of an aggregate. */
    TEXT("text"),
    /** Text only, nothing to answer. */
    DISPLAY("display");

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ItemType fromCode(String code) {
        return Codes.parse(ItemType.class, code);
    }

    /** Whether an answer takes exactly one value, so that the counts of its values add up to its answers. */
    public boolean exclusive() {
        return this == LIKERT5 || this == SINGLE || this == SCALE_0_TO_10;
    }

    public boolean numeric() {
        return this == LIKERT5 || this == SCALE_0_TO_10;
    }

    public boolean answerable() {
        return this != DISPLAY;
    }

    public boolean hasOptions() {
        return this == LIKERT5 || this == SINGLE || this == MULTI;
    }
}
