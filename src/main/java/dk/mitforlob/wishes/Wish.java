package dk.mitforlob.wishes;

import dk.mitforlob.platform.errors.Validation;

/** One wish for the programme, with the citizen's own words about it. */
public record Wish(WishType type, String comment) {

    static final int MAX_COMMENT = 500;

    public Wish {
        comment = Wishes.cleaned(comment);
    }

    void validate(Validation v) {
        v.required("type", type);
        v.text("comment", comment, MAX_COMMENT);
        if (type == WishType.OTHER && comment == null) {
            v.error("comment", "is required for the wish 'other': say what you wish for");
        }
    }
}
