package dk.mitforlob.wishes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.mitforlob.platform.errors.Validation;

/**
 * What work the citizen is interested in: occupations from the code list (see {@link Occupations})
 * and their own words.
 */
public record Interests(List<String> occupations, String text) {

    static final int MAX_OCCUPATIONS = 10;
    static final int MAX_TEXT = 1000;

    public Interests {
        occupations = occupations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(occupations));
        text = Wishes.cleaned(text);
    }

    public static Interests none() {
        return new Interests(List.of(), null);
    }

    void validate(Validation v) {
        v.maxItems("occupations", occupations, MAX_OCCUPATIONS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < occupations.size(); i++) {
            String code = occupations.get(i);
            String field = "occupations[" + i + "]";
            if (code == null) {
                v.error(field, "must not be null");
            } else if (!Occupations.isKnown(code)) {
                v.error(field, "is not a code of the occupations list (/api/v1/reference/occupations)");
            } else if (!seen.add(code)) {
                v.error(field, "is chosen twice");
            }
        }
        v.text("text", text, MAX_TEXT);
    }

    /** The same interests with the occupations in code order: the order they are chosen in carries no meaning. */
    Interests canonical() {
        return new Interests(occupations.stream().sorted().toList(), text);
    }
}
