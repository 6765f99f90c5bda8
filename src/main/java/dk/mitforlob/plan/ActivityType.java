package dk.mitforlob.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** The kinds of activity (indsats) a plan can hold. */
public enum ActivityType implements Codes.Coded {
    /** Virksomhedspraktik. */
    WORK_PLACEMENT("work-placement", "Virksomhedspraktik", "Work placement"),
    /** Løntilskud. */
    WAGE_SUBSIDY("wage-subsidy", "Løntilskud", "Wage-subsidised job"),
    /** Småjob med lønnede timer. */
    SMALL_JOB("small-job", "Småjob med lønnede timer", "Small job with paid hours"),
    MENTOR("mentor", "Mentor", "Mentor"),
    /** Uddannelse. */
    EDUCATION("education", "Uddannelse", "Education"),
    /** Behandling / sundhed. */
    TREATMENT("treatment", "Behandling og sundhed", "Treatment and health"),
    /** Anden indsats. */
    OTHER("other", "Anden indsats", "Other activity");

    private final String code;
    private final String labelDa;
    private final String labelEn;

    ActivityType(String code, String labelDa, String labelEn) {
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
    public static ActivityType fromCode(String code) {
        return Codes.parse(ActivityType.class, code);
    }
}
