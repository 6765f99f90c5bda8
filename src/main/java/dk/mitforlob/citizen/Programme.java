package dk.mitforlob.citizen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The employment programme a citizen is enrolled in. */
public enum Programme implements Codes.Coded {
    /** Ressourceforløb: for people far from the labour market. */
    RESOURCE_PROGRAMME("resource-programme"),
    /** Aktivitetsparat kontanthjælp: cash benefit, ready for activities but not yet for work. */
    ACTIVITY_READY_CASH_BENEFIT("activity-ready-cash-benefit");

    private final String code;

    Programme(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Programme fromCode(String code) {
        return Codes.parse(Programme.class, code);
    }
}
