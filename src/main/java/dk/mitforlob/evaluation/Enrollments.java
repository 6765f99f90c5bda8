package dk.mitforlob.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Programme;

/**
 * Who is enrolled where, in which programme and since when: the population the evaluators' tables
 * count, kept up to date as citizens are enrolled so that a table does not read every citizen.
 */
public interface Enrollments {

    /** Records the citizen as enrolled; an older version of the citizen never overwrites a newer. */
    void record(Citizen citizen);

    /** Every enrolled citizen. */
    List<Enrolled> all();

    /** An enrolled citizen as the evaluation counts them, as of {@code version} of the citizen. */
    record Enrolled(String citizenId, String municipality, Programme programme, LocalDate enrolledOn, long version) {
    }

    /**
     * Records every citizen the roll-up has missed or holds an older version of: one whose process
     * died between storing the citizen and recording them, and who was not enrolled again since.
     */
    default void catchUp(Consumer<Consumer<Citizen>> everyone) {
        Map<String, Long> known = new HashMap<>();
        all().forEach(e -> known.put(e.citizenId(), e.version()));
        everyone.accept(citizen -> {
            if (known.getOrDefault(citizen.id(), -1L) < citizen.version()) {
                record(citizen);
            }
        });
    }
}
