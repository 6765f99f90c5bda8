package dk.mitforlob.wishes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** What a citizen can wish for their programme. The declaration order is the order wishes are shown in. */
public enum WishType implements Codes.Coded {
    MORE_PAID_HOURS("more-paid-hours", "Flere lønnede timer", "More paid hours"),
    /** Virksomhedspraktik. */
    WORK_PLACEMENT("work-placement", "Virksomhedspraktik", "A work placement"),
    EDUCATION_OR_COURSE("education-or-course", "Uddannelse eller kursus", "Education or a course"),
    MENTOR("mentor", "Mentor", "A mentor"),
    HELP_WITH_HEALTH("help-with-health", "Hjælp med helbredet", "Help with health"),
    HELP_WITH_FINANCES_OR_HOUSING("help-with-finances-or-housing", "Hjælp med økonomi eller bolig",
            "Help with finances or housing"),
    FEWER_MEETINGS("fewer-meetings", "Færre møder", "Fewer meetings"),
    /** Anything else; the comment says what. */
    OTHER("other", "Andet", "Other");

    private final String code;
    private final String labelDa;
    private final String labelEn;

    WishType(String code, String labelDa, String labelEn) {
        this.code = code;
        this.labelDa = labelDa;
        this.labelEn = labelEn;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String labelDa() {
        return labelDa;
    }

    public String labelEn() {
        return labelEn;
    }

    @JsonCreator
    public static WishType fromCode(String code) {
        return Codes.parse(WishType.class, code);
    }
}
