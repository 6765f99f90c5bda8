package dk.mitforlob.survey;

import java.util.List;
import java.util.regex.Pattern;

import io.helidon.webserver.http.ServerRequest;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.http.Exchange;

/** Path parameters of the survey routes, checked against the patterns the contract states. */
final class SurveyPaths {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,4}");

    private SurveyPaths() {
    }

    static String questionnaireId(ServerRequest req) {
        return id(req, "questionnaireId");
    }

    static String roundId(ServerRequest req) {
        return id(req, "roundId");
    }

    private static String id(ServerRequest req, String name) {
        String value = Exchange.pathParam(req, name);
        if (!ID.matcher(value).matches()) {
            throw invalid(name, "must be 1-40 of a-z, 0-9 and -");
        }
        return value;
    }

    static int version(ServerRequest req) {
        String value = Exchange.pathParam(req, "version");
        if (!VERSION.matcher(value).matches()) {
            throw invalid("version", "must be a whole number from 1 to 99999");
        }
        return Integer.parseInt(value);
    }

    private static Rejection invalid(String name, String message) {
        return Rejection.badRequest("invalid-parameter", "Path parameter '" + name + "' " + message)
                .withErrors(List.of(new FieldError(name, message)));
    }
}
