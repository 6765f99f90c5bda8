package dk.mitforlob.survey;

import java.util.List;
import java.util.Optional;

/** Where questionnaire versions are kept: one record per version, so none grows with the others. */
public interface QuestionnaireRepository {

    Optional<QuestionnaireVersion> version(String questionnaireId, int version);

    /** The version with the highest number. */
    Optional<QuestionnaireVersion> latest(String questionnaireId);

    /** The version a create with this operation id made, if it got that far. */
    Optional<QuestionnaireVersion> byOperation(String operationId);

    /** Stores a new version; false when that number is already taken. */
    boolean insert(QuestionnaireVersion version);

    /** Replaces a version if it is still at {@code expectedRevision}; false when someone else saved first. */
    boolean replace(QuestionnaireVersion version, long expectedRevision);

    /** Every version of a questionnaire, oldest first. */
    List<QuestionnaireVersion> versions(String questionnaireId);

    /** Questionnaire ids in order, after {@code afterId} when given. */
    List<String> ids(Optional<String> afterId, int limit);
}
