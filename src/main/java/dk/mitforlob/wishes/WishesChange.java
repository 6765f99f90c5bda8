package dk.mitforlob.wishes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dk.mitforlob.citizen.Language;

/**
 * What one version of the wishes changed from the one before, item by item, so that a caseworker
 * reads what is new rather than comparing two documents.
 *
 * @param changedComments wishes kept, whose comment changed
 * @param changedTexts    free-text fields that changed, by their path: {@code interests.text},
 *                        {@code constraints}, {@code whatMatters}
 * @param hoursPerWeek    the hours before and after, when they changed
 */
public record WishesChange(List<WishType> addedWishes, List<WishType> removedWishes, List<WishType> changedComments,
                           List<String> addedOccupations, List<String> removedOccupations, List<String> changedTexts,
                           HoursChange hoursPerWeek) {

    private static final int QUOTED = 80;

    public WishesChange {
        addedWishes = List.copyOf(addedWishes);
        removedWishes = List.copyOf(removedWishes);
        changedComments = List.copyOf(changedComments);
        addedOccupations = List.copyOf(addedOccupations);
        removedOccupations = List.copyOf(removedOccupations);
        changedTexts = List.copyOf(changedTexts);
    }

    /** Hours a week before and after; either may be absent (not stated). */
    public record HoursChange(BigDecimal before, BigDecimal after) {
    }

    /** The changes from {@code before} to {@code after}, both canonical. */
    public static WishesChange between(Wishes before, Wishes after) {
        List<WishType> added = new ArrayList<>();
        List<WishType> commented = new ArrayList<>();
        for (Wish wish : after.wishes()) {
            before.wish(wish.type()).ifPresentOrElse(
                    was -> {
                        if (!Objects.equals(was.comment(), wish.comment())) {
                            commented.add(wish.type());
                        }
                    },
                    () -> added.add(wish.type()));
        }
        List<WishType> removed = before.wishes().stream().map(Wish::type)
                .filter(type -> after.wish(type).isEmpty()).toList();
        List<String> oldCodes = before.interests().occupations();
        List<String> newCodes = after.interests().occupations();
        List<String> texts = new ArrayList<>();
        if (!Objects.equals(before.interests().text(), after.interests().text())) {
            texts.add("interests.text");
        }
        if (!Objects.equals(before.constraints(), after.constraints())) {
            texts.add("constraints");
        }
        if (!Objects.equals(before.whatMatters(), after.whatMatters())) {
            texts.add("whatMatters");
        }
        HoursChange hours = Objects.equals(before.hoursPerWeek(), after.hoursPerWeek()) ? null
                : new HoursChange(before.hoursPerWeek(), after.hoursPerWeek());
        return new WishesChange(added, removed, commented,
                newCodes.stream().filter(code -> !oldCodes.contains(code)).toList(),
                oldCodes.stream().filter(code -> !newCodes.contains(code)).toList(),
                texts, hours);
    }

    public boolean nothingChanged() {
        return addedWishes.isEmpty() && removedWishes.isEmpty() && changedComments.isEmpty()
                && addedOccupations.isEmpty() && removedOccupations.isEmpty() && changedTexts.isEmpty()
                && hoursPerWeek == null;
    }

    /**
     * One readable paragraph about the change, e.g. "Nyt ønske: Mentor. Fjernet ønske: Færre møder.
     * Timer om ugen: 10 → 15. Ny interesse: Salgsarbejde."
     *
     * @param after the document as it became, for the comments to quote
     */
    public String summary(Wishes after, Language language) {
        boolean da = language == Language.DA;
        Function<WishType, String> label = da ? WishType::labelDa : WishType::labelEn;
        Function<String, String> occupation = code -> Occupations.byCode(code)
                .map(o -> da ? o.labelDa() : o.labelEn()).orElse(code);
        List<String> sentences = new ArrayList<>();
        if (!addedWishes.isEmpty()) {
            sentences.add(lead(addedWishes.size(), da ? "Nyt ønske" : "New wish", da ? "Nye ønsker" : "New wishes")
                    + join(addedWishes, type -> label.apply(type) + quote(after, type, "")));
        }
        if (!removedWishes.isEmpty()) {
            sentences.add(lead(removedWishes.size(), da ? "Fjernet ønske" : "Removed wish",
                    da ? "Fjernede ønsker" : "Removed wishes") + join(removedWishes, label));
        }
        if (!changedComments.isEmpty()) {
            sentences.add(lead(changedComments.size(), da ? "Ændret kommentar" : "Changed comment",
                    da ? "Ændrede kommentarer" : "Changed comments")
                    + join(changedComments, type -> label.apply(type)
                            + quote(after, type, da ? " (kommentar fjernet)" : " (comment removed)")));
        }
        if (hoursPerWeek != null) {
            String hours = (da ? "Timer om ugen: " : "Hours a week: ")
                    + (hoursPerWeek.before() == null ? "" : hours(hoursPerWeek.before(), da) + " → ")
                    + (hoursPerWeek.after() == null ? (da ? "ikke angivet" : "not stated") : hours(hoursPerWeek.after(), da));
            sentences.add(hours);
        }
        if (!addedOccupations.isEmpty()) {
            sentences.add(lead(addedOccupations.size(), da ? "Ny interesse" : "New interest",
                    da ? "Nye interesser" : "New interests") + join(addedOccupations, occupation));
        }
        if (!removedOccupations.isEmpty()) {
            sentences.add(lead(removedOccupations.size(), da ? "Fjernet interesse" : "Removed interest",
                    da ? "Fjernede interesser" : "Removed interests") + join(removedOccupations, occupation));
        }
        if (!changedTexts.isEmpty()) {
            sentences.add((da ? "Opdateret: " : "Updated: ") + join(changedTexts, field -> textLabel(field, da)));
        }
        if (sentences.isEmpty()) {
            return da ? "Ingen ændringer." : "No changes.";
        }
        return String.join(". ", sentences) + ".";
    }

    private static String lead(int count, String one, String several) {
        return (count == 1 ? one : several) + ": ";
    }

    private static <T> String join(List<T> items, Function<T, String> text) {
        return String.join(", ", items.stream().map(text).toList());
    }

    /** The wish's comment in quotes, shortened; {@code withoutComment} when it has none. */
    private static String quote(Wishes after, WishType type, String withoutComment) {
        String comment = after.wish(type).map(Wish::comment).orElse(null);
        if (comment == null) {
            return withoutComment;
        }
        String flat = comment.replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) > QUOTED) {
            flat = flat.substring(0, flat.offsetByCodePoints(0, QUOTED - 1)).strip() + "…";
        }
        return " (»" + flat + "«)";
    }

    private static String hours(BigDecimal hours, boolean da) {
        String plain = hours.toPlainString();
        return da ? plain.replace('.', ',') : plain;
    }

    private static String textLabel(String field, boolean da) {
        return switch (field) {
            case "interests.text" -> da ? "interesser med egne ord" : "interests in your own words";
            case "constraints" -> da ? "praktiske begrænsninger" : "practical constraints";
            case "whatMatters" -> da ? "hvad der betyder noget for mig" : "what matters to me";
            default -> field;
        };
    }
}
