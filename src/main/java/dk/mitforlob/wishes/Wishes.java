package dk.mitforlob.wishes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dk.mitforlob.platform.errors.Validation;

/**
 * The citizen's interests and wishes, as they state them in the app: the whole document, sent and
 * stored whole. Free texts are trimmed, and an empty one counts as not given, so a cleared field on
 * a phone form simply removes the text.
 *
 * @param hoursPerWeek how many hours a week the citizen can manage, 0–37 in half hours; absent when not said
 * @param constraints  practical limits: transport, times of day, physical limits
 * @param whatMatters  "what matters to me"
 */
public record Wishes(Interests interests, List<Wish> wishes, BigDecimal hoursPerWeek, String constraints,
                     String whatMatters) {

    static final int MAX_WISHES = WishType.values().length;
    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(37);
    static final int MAX_CONSTRAINTS = 1000;
    static final int MAX_WHAT_MATTERS = 2000;
    private static final BigDecimal HALF_HOUR = new BigDecimal("0.5");

    public Wishes {
        interests = interests == null ? Interests.none() : interests;
        wishes = wishes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(wishes));
        // 7.5 and 7.50 are the same hours; without this a re-sent document would look changed
        hoursPerWeek = hoursPerWeek == null ? null : hoursPerWeek.stripTrailingZeros();
        constraints = cleaned(constraints);
        whatMatters = cleaned(whatMatters);
    }

    /** Version 0: nothing stated yet. */
    public static Wishes none() {
        return new Wishes(Interests.none(), List.of(), null, null, null);
    }

    public Optional<Wish> wish(WishType type) {
        return wishes.stream().filter(w -> w.type() == type).findFirst();
    }

    /** The kinds of wish chosen. */
    public Set<WishType> wishTypes() {
        Set<WishType> types = EnumSet.noneOf(WishType.class);
        wishes.forEach(w -> types.add(w.type()));
        return types;
    }

    /** The occupation major groups the chosen occupations belong to: the interest groups evaluators count. */
    public Set<String> interestGroups() {
        Set<String> groups = new TreeSet<>();
        interests.occupations().forEach(code -> Occupations.byCode(code).ifPresent(o -> groups.add(o.majorGroup())));
        return groups;
    }

    /** Checks the document as sent; 422 naming every offending field by its place in the request. */
    public void validate() {
        Validation v = Validation.of();
        v.at("interests", i -> interests.validate(i));
        v.maxItems("wishes", wishes, MAX_WISHES);
        Set<WishType> seen = EnumSet.noneOf(WishType.class);
        v.each("wishes", wishes, (w, wish) -> {
            wish.validate(w);
            if (wish.type() != null && !seen.add(wish.type())) {
                w.error("type", "is chosen twice");
            }
        });
        if (hoursPerWeek != null) {
            if (hoursPerWeek.signum() < 0 || hoursPerWeek.compareTo(MAX_HOURS) > 0) {
                v.error("hoursPerWeek", "must be between 0 and 37");
            } else if (hoursPerWeek.remainder(HALF_HOUR).signum() != 0) {
                v.error("hoursPerWeek", "must be in half hours, e.g. 7.5");
            }
        }
        v.text("constraints", constraints, MAX_CONSTRAINTS).text("whatMatters", whatMatters, MAX_WHAT_MATTERS);
        v.throwIfInvalid();
    }

    /**
     * The same document in the one order it is kept in: wishes in the order of {@link WishType},
     * occupations by code. The order they were picked in carries no meaning, so sending the same
     * choices in another order is no change.
     */
    public Wishes canonical() {
        return new Wishes(interests.canonical(),
                wishes.stream().sorted(Comparator.comparing(Wish::type)).toList(),
                hoursPerWeek, constraints, whatMatters);
    }

    /** Trimmed text, or null when there is none. */
    static String cleaned(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
