package dk.mitforlob.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonValue;

/** What is new or changed in the current plan compared with the version the citizen last saw. */
public record PlanMarkers(Map<String, Marker> byId, boolean contactChanged, List<PlanChange> removed) {

    public enum Marker {
        NEW("new"), CHANGED("changed");

        private final String code;

        Marker(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    public PlanMarkers {
        byId = Map.copyOf(byId);
        removed = List.copyOf(removed);
    }

    public static PlanMarkers none() {
        return new PlanMarkers(Map.of(), false, List.of());
    }

    /** Markers for {@code current} against {@code seen}; a citizen who has seen nothing sees everything as new. */
    public static PlanMarkers between(Plan seen, Plan current) {
        Map<String, Marker> markers = new HashMap<>();
        mark(seen.goals(), current.goals(), Goal::id, markers);
        mark(seen.activities(), current.activities(), Activity::id, markers);
        mark(seen.meetings(), current.meetings(), Meeting::id, markers);
        List<PlanChange> removed = new ArrayList<>();
        for (PlanChange change : PlanChanges.between(seen, current)) {
            if (change.kind() == PlanChange.Kind.REMOVED && change.item() != PlanChange.Item.CONTACT) {
                removed.add(change);
            }
        }
        return new PlanMarkers(markers, !Objects.equals(seen.contact(), current.contact()) && current.contact() != null,
                removed);
    }

    public Marker of(String id) {
        return byId.get(id);
    }

    private static <T> void mark(List<T> seen, List<T> current, Function<T, String> id, Map<String, Marker> markers) {
        Map<String, T> before = new HashMap<>();
        seen.forEach(item -> before.put(id.apply(item), item));
        for (T item : current) {
            T was = before.get(id.apply(item));
            if (was == null) {
                markers.put(id.apply(item), Marker.NEW);
            } else if (!was.equals(item)) {
                markers.put(id.apply(item), Marker.CHANGED);
            }
        }
    }
}
