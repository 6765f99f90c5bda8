package dk.mitforlob.survey;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dk.mitforlob.platform.json.Codes;

/**
 * One version of a questionnaire. A draft may be replaced (each save raises {@code revision}, the
 * ETag); a published version never changes, and only a published version can be used in a round.
 *
 * @param operationId the create that made this version, so a retried create finds it
 */
public record QuestionnaireVersion(String questionnaireId, int version, Status status, long revision,
                                   Definition definition, Instant createdAt, Instant updatedAt,
                                   Instant publishedAt, String operationId) {

    public enum Status implements Codes.Coded {
        DRAFT("draft"), PUBLISHED("published");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Status fromCode(String code) {
            return Codes.parse(Status.class, code);
        }
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}
