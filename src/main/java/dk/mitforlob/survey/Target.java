package dk.mitforlob.survey;

import java.util.List;
import java.util.regex.Pattern;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.reference.Municipalities;

/**
 * Whom a round is for: citizens in any of {@code programmes} (all programmes when empty) and in any
 * of {@code municipalities} (all when empty). At least one of the two must be given.
 */
public record Target(List<Programme> programmes, List<String> municipalities) {

    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{3}");

    public Target {
        programmes = programmes == null ? List.of() : programmes.stream().distinct().sorted().toList();
        municipalities = municipalities == null ? List.of()
                : municipalities.stream().distinct().sorted(java.util.Comparator.nullsFirst(
                        java.util.Comparator.naturalOrder())).toList();
    }

    public boolean includes(Citizen citizen) {
        return (programmes.isEmpty() || programmes.contains(citizen.programme()))
                && (municipalities.isEmpty() || municipalities.contains(citizen.municipality()));
    }

    void validate(Validation v) {
        if (programmes.isEmpty() && municipalities.isEmpty()) {
            v.error("programmes", "give programmes, municipalities or both");
        }
        v.maxItems("municipalities", municipalities, 98);
        for (int i = 0; i < municipalities.size(); i++) {
            String code = municipalities.get(i);
            if (code == null || !MUNICIPALITY.matcher(code).matches() || !Municipalities.exists(code)) {
                v.error("municipalities[" + i + "]", "must be the three-digit code of one of the 98 municipalities");
            }
        }
    }
}
