package dk.mitforlob.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dk.mitforlob.platform.errors.Rejection;

/**
 * The survey administrators' questionnaires: created as a draft, replaced while a draft, published
 * once and then never changed; editing a published questionnaire makes a new draft version.
 */
public final class Questionnaires {

    private static final int MAX_ATTEMPTS = 5;

    private final QuestionnaireRepository repository;
    private final Clock clock;

    public Questionnaires(QuestionnaireRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new questionnaire whose id is the operation id; a retried create returns the first result. */
    public QuestionnaireVersion create(Definition definition, String operationId) {
        Optional<QuestionnaireVersion> earlier = repository.byOperation(operationId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        definition.validate();
        Instant now = clock.instant();
        QuestionnaireVersion first = new QuestionnaireVersion(operationId, 1, QuestionnaireVersion.Status.DRAFT, 1,
                definition, now, now, null, operationId);
        return repository.insert(first) ? first : repository.version(operationId, 1).orElseThrow();
    }

    /** The next version, a draft, with this definition; 409 while the latest version is still a draft. */
    public QuestionnaireVersion newVersion(String questionnaireId, Definition definition, String operationId) {
        Optional<QuestionnaireVersion> earlier = repository.byOperation(operationId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            QuestionnaireVersion latest = repository.latest(questionnaireId).orElseThrow(() -> notFound(questionnaireId));
            if (!latest.published()) {
                throw Rejection.conflict("draft-exists", "Version " + latest.version()
                        + " is still a draft: change it with PUT, or publish it before making a new version");
            }
            definition.validate();
            Instant now = clock.instant();
            QuestionnaireVersion next = new QuestionnaireVersion(questionnaireId, latest.version() + 1,
                    QuestionnaireVersion.Status.DRAFT, 1, definition, now, now, null, operationId);
            if (repository.insert(next)) {
                return next;
            }
        }
        throw Rejection.conflict("concurrent-update", "The questionnaire was changed at the same moment; try again");
    }

    /** Replaces a draft; a published version is immutable (409), a stale revision 412. */
    public QuestionnaireVersion replaceDraft(String questionnaireId, int version, Definition definition,
                                             long expectedRevision) {
        QuestionnaireVersion current = version(questionnaireId, version);
        if (current.published()) {
            throw published(current);
        }
        if (current.revision() != expectedRevision) {
            throw Rejection.versionConflict("The draft", current.revision());
        }
        definition.validate();
        if (definition.equals(current.definition())) {
            return current;
        }
        QuestionnaireVersion next = new QuestionnaireVersion(questionnaireId, version, current.status(),
                current.revision() + 1, definition, current.createdAt(), clock.instant(), null, current.operationId());
        if (!repository.replace(next, expectedRevision)) {
            throw Rejection.versionConflict("The draft", version(questionnaireId, version).revision());
        }
        return next;
    }

    /** Publishes exactly the revision the caller read; publishing a published version again changes nothing. */
    public QuestionnaireVersion publish(String questionnaireId, int version, long expectedRevision) {
        QuestionnaireVersion current = version(questionnaireId, version);
        if (current.revision() != expectedRevision) {
            throw Rejection.versionConflict("The questionnaire version", current.revision());
        }
        if (current.published()) {
            return current;
        }
        current.definition().validate();
        Instant now = clock.instant();
        QuestionnaireVersion published = new QuestionnaireVersion(questionnaireId, version,
                QuestionnaireVersion.Status.PUBLISHED, current.revision() + 1, current.definition(), current.createdAt(),
                now, now, current.operationId());
        if (!repository.replace(published, expectedRevision)) {
            throw Rejection.versionConflict("The questionnaire version", version(questionnaireId, version).revision());
        }
        return published;
    }

    public QuestionnaireVersion version(String questionnaireId, int version) {
        return repository.version(questionnaireId, version).orElseThrow(() -> Rejection.notFound(
                "questionnaire-not-found", "There is no questionnaire " + questionnaireId + " with version " + version));
    }

    public List<QuestionnaireVersion> versions(String questionnaireId) {
        List<QuestionnaireVersion> versions = repository.versions(questionnaireId);
        if (versions.isEmpty()) {
            throw notFound(questionnaireId);
        }
        return versions;
    }

    public List<String> ids(Optional<String> afterId, int limit) {
        return repository.ids(afterId, limit);
    }

    /** A published version, for a round; 422 naming the field otherwise. */
    public QuestionnaireVersion publishedForRound(String questionnaireId, int version) {
        QuestionnaireVersion found = repository.version(questionnaireId, version).orElseThrow(() ->
                Rejection.invalid("questionnaireVersion", "there is no such version of questionnaire " + questionnaireId));
        if (!found.published()) {
            throw Rejection.invalid("questionnaireVersion", "must be a published version; publish it first");
        }
        return found;
    }

    private static Rejection notFound(String questionnaireId) {
        return Rejection.notFound("questionnaire-not-found", "There is no questionnaire " + questionnaireId);
    }

    private static Rejection published(QuestionnaireVersion version) {
        return Rejection.conflict("questionnaire-version-published", "Version " + version.version()
                + " is published and cannot change; make a new version (POST .../versions) to edit it");
    }
}
