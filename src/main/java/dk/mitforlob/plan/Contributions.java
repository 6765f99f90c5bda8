package dk.mitforlob.plan;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/** What the citizen adds to their plan. None of it changes what the caseworker wrote. */
public final class Contributions {

    private Contributions() {
    }

    /** A step the citizen sets themselves on the way to one of the plan's goals. */
    public record OwnStep(String id, String goalId, String text, LocalDate targetDate, boolean done, Instant doneAt,
                          Instant createdAt) {

        OwnStep markedDone(Instant at) {
            return new OwnStep(id, goalId, text, targetDate, true, at, createdAt);
        }
    }

    /** What a comment is about. */
    public enum Target implements Codes.Coded {
        ACTIVITY("activity"), MEETING("meeting");

        private final String code;

        Target(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Target fromCode(String code) {
            return Codes.parse(Target.class, code);
        }
    }

    /** The citizen's comment on an activity or a meeting. */
    public record Comment(String id, Target on, String targetId, String text, Instant createdAt) {
    }

    /** The citizen says a meeting time does not suit them, and why. */
    public record MeetingObjection(String id, String meetingId, String reason, String suggestion, Instant createdAt) {
    }
}
