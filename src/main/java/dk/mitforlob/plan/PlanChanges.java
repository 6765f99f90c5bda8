package dk.mitforlob.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.mitforlob.citizen.Language;

/** What changed between two versions of a plan, and how to say it to a citizen. */
public final class PlanChanges {

    static final int MAX_SUMMARY = 2000;

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter WHEN_DA = DateTimeFormatter.ofPattern("d. MMM 'kl.' HH:mm", Locale.of("da"));
    private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("d MMM 'at' HH:mm", Locale.ENGLISH);

    private PlanChanges() {
    }

    /** The changes from {@code before} to {@code after}, item by item (matched by id). */
    public static List<PlanChange> between(Plan before, Plan after) {
        List<PlanChange> changes = new ArrayList<>();
        compare(before.goals(), after.goals(), Goal::id, PlanChange.Item.GOAL, Goal::title, changes, null);
        compare(before.activities(), after.activities(), Activity::id, PlanChange.Item.ACTIVITY,
                PlanChanges::activityTitle, changes, null);
        compare(before.meetings(), after.meetings(), Meeting::id, PlanChange.Item.MEETING, Meeting::purpose, changes,
                PlanChanges::meetingChange);
        if (!Objects.equals(before.contact(), after.contact())) {
            changes.add(new PlanChange(before.contact() == null ? PlanChange.Kind.ADDED
                    : after.contact() == null ? PlanChange.Kind.REMOVED : PlanChange.Kind.CHANGED,
                    PlanChange.Item.CONTACT, null, after.contact() == null ? null : after.contact().name()));
        }
        return changes;
    }

    private static <T> void compare(List<T> before, List<T> after, Function<T, String> id, PlanChange.Item item,
                                    Function<T, String> title, List<PlanChange> changes,
                                    BiFunction<T, T, PlanChange.Kind> refine) {
        Map<String, T> old = before.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
        Map<String, T> current = after.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
        for (T now : after) {
            T was = old.get(id.apply(now));
            if (was == null) {
                changes.add(new PlanChange(PlanChange.Kind.ADDED, item, id.apply(now), title.apply(now)));
            } else if (!was.equals(now)) {
                PlanChange.Kind kind = refine == null ? PlanChange.Kind.CHANGED : refine.apply(was, now);
                changes.add(new PlanChange(kind, item, id.apply(now), title.apply(now)));
            }
        }
        for (T was : before) {
            if (!current.containsKey(id.apply(was))) {
                changes.add(new PlanChange(PlanChange.Kind.REMOVED, item, id.apply(was), title.apply(was)));
            }
        }
    }

    private static PlanChange.Kind meetingChange(Meeting was, Meeting now) {
        if (!was.cancelled() && now.cancelled()) {
            return PlanChange.Kind.CANCELLED;
        }
        if (!was.start().equals(now.start()) || !was.end().equals(now.end())) {
            return PlanChange.Kind.MOVED;
        }
        return PlanChange.Kind.CHANGED;
    }

    /** A meeting time as a Danish caseworker reads it, e.g. "24. nov. kl. 10:00". */
    static String danishTime(Instant instant) {
        return WHEN_DA.format(instant.atZone(COPENHAGEN));
    }

    static String activityTitle(Activity activity) {
        return activityTitle(activity, true);
    }

    private static String activityTitle(Activity activity, boolean danish) {
        String type = activity.type() == null ? "" : danish ? activity.type().labelDa() : activity.type().labelEn();
        return activity.provider() == null ? type : type + " – " + activity.provider();
    }

    /** One readable line about a version, in the citizen's language. */
    public static String summary(List<PlanChange> changes, boolean firstVersion, Plan plan, Language language) {
        boolean da = language == Language.DA;
        if (firstVersion) {
            return da ? "Din plan er klar" : "Your plan is ready";
        }
        if (changes.isEmpty()) {
            return da ? "Ingen ændringer" : "No changes";
        }
        List<String> parts = new ArrayList<>();
        for (PlanChange change : changes) {
            parts.add(describe(change, plan, da));
        }
        String summary = String.join("; ", parts);
        // a whole plan replaced can list hundreds of items: the line stays a line
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        int cut = Character.isHighSurrogate(summary.charAt(MAX_SUMMARY - 2)) ? MAX_SUMMARY - 2 : MAX_SUMMARY - 1;
        return summary.substring(0, cut) + "…";
    }

    private static String describe(PlanChange change, Plan plan, boolean da) {
        String what = switch (change.item()) {
            case GOAL -> da ? "mål" : "goal";
            case ACTIVITY -> da ? "aktivitet" : "activity";
            case MEETING -> da ? "møde" : "meeting";
            case CONTACT -> da ? "kontaktperson" : "contact person";
        };
        String verb = switch (change.kind()) {
            case ADDED -> da ? "Nyt" : "New";
            case CHANGED -> da ? "Ændret" : "Changed";
            case REMOVED -> da ? "Fjernet" : "Removed";
            case CANCELLED -> da ? "Aflyst" : "Cancelled";
            case MOVED -> da ? "Flyttet" : "Moved";
        };
        if (da && change.kind() == PlanChange.Kind.ADDED && change.item() != PlanChange.Item.GOAL
                && change.item() != PlanChange.Item.MEETING) {
            verb = "Ny";
        }
        StringBuilder text = new StringBuilder(verb).append(' ').append(what);
        String title = change.item() == PlanChange.Item.ACTIVITY && change.itemId() != null
                ? plan.activity(change.itemId()).map(a -> activityTitle(a, da)).orElse(change.title())
                : change.title();
        if (title != null) {
            text.append(": ").append(title);
        }
        if (change.item() == PlanChange.Item.MEETING && change.kind() != PlanChange.Kind.REMOVED) {
            plan.meeting(change.itemId()).ifPresent(m -> text.append(" (")
                    .append((da ? WHEN_DA : WHEN_EN).format(m.start().atZone(COPENHAGEN))).append(')'));
        }
        return text.toString();
    }
}
