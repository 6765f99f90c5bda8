package dk.mitforlob.platform.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.helidon.common.media.type.MediaType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.json.Json;

/** Reading requests and writing JSON responses the same way in every handler. */
public final class Exchange {

    private Exchange() {
    }

    /** The JSON body as {@code type}; 415 for another content type, 400 for an empty or malformed body. */
    public static <T> T readJson(ServerRequest req, Class<T> type) {
        return Json.read(jsonBytes(req), type);
    }

    public static byte[] jsonBytes(ServerRequest req) {
        Optional<HttpMediaType> contentType = req.headers().contentType();
        if (contentType.isEmpty() || !isJson(contentType.get().mediaType())) {
            throw new Rejection(Rejection.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The request body must be sent as Content-Type: application/json");
        }
        if (!req.content().hasEntity()) {
            throw Rejection.badRequest("body-required", "The request needs a JSON body");
        }
        byte[] body = req.content().as(byte[].class);
        if (body.length == 0) {
            throw Rejection.badRequest("body-required", "The request needs a JSON body");
        }
        return body;
    }

    private static boolean isJson(MediaType type) {
        return type.type().equals("application")
                && (type.subtype().equals("json") || type.subtype().endsWith("+json"));
    }

    public static void sendJson(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }

    public static void ok(ServerResponse res, Object body) {
        sendJson(res, Status.OK_200, body);
    }

    public static String pathParam(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    public static Optional<String> query(ServerRequest req, String name) {
        List<String> values = req.query().all(name, List::of);
        if (values.size() > 1) {
            throw invalidQuery(name, "must be given once");
        }
        return values.isEmpty() || values.getFirst().isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public static Optional<LocalDate> queryDate(ServerRequest req, String name) {
        return query(req, name).map(value -> {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw invalidQuery(name, "must be a date, YYYY-MM-DD");
            }
            if (date.isBefore(Validation.EARLIEST) || date.isAfter(Validation.LATEST)) {
                throw invalidQuery(name, "must be between " + Validation.EARLIEST + " and " + Validation.LATEST);
            }
            return date;
        });
    }

    public static OptionalInt queryInt(ServerRequest req, String name, int min, int max) {
        Optional<String> value = query(req, name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw invalidQuery(name, "must be between " + min + " and " + max);
            }
            return OptionalInt.of(parsed);
        } catch (NumberFormatException e) {
            throw invalidQuery(name, "must be a whole number");
        }
    }

    public static Optional<Boolean> queryBoolean(ServerRequest req, String name) {
        return query(req, name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalidQuery(name, "must be true or false");
        });
    }

    public static Rejection invalidQuery(String name, String message) {
        return Rejection.badRequest("invalid-parameter", "Query parameter '" + name + "' " + message)
                .withErrors(List.of(new FieldError(name, message)));
    }
}
