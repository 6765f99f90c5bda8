package dk.mitforlob.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.FieldError;
import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.errors.Validation;
import dk.mitforlob.platform.json.Json;

/** Reading requests and writing JSON responses the same way in every handler. */
public final class Exchange {

    private static final long DEFAULT_BODY_LIMIT = 64 * 1024;

    private Exchange() {
    }

    /** The JSON body as {@code type}; 415 for another content type, 400 for an empty or malformed body. */
    public static <T> T readJson(ServerRequest req, Class<T> type) {
        return Json.read(jsonBytes(req), type);
    }

    /**
     * The body of a JSON request, read up to the body limit: 415 unless it is {@code application/json}
     * in UTF-8, 400 when empty, 413 when longer (also for a chunked body, whose length is not announced).
     */
    public static byte[] jsonBytes(ServerRequest req) {
        JsonMediaType.require(req);
        if (!req.content().hasEntity()) {
            throw Rejection.badRequest("body-required", "The request needs a JSON body");
        }
        long limit = req.context().get(RequestGuard.BodyLimit.class)
                .map(RequestGuard.BodyLimit::bytes).orElse(DEFAULT_BODY_LIMIT);
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException | RuntimeException e) {
            // the client stopped sending or sent a broken chunk: nothing of it is used
            throw Rejection.badRequest("bad-request", "The request body could not be read to its end");
        }
        if (body.length > limit) {
            // the rest is read and discarded after the answer, so a client still sending receives it
            throw RequestGuard.tooLarge(limit);
        }
        if (body.length == 0) {
            throw Rejection.badRequest("body-required", "The request needs a JSON body");
        }
        return body;
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

    /**
     * A query parameter, given at most once. Given empty ({@code ?limit=} or {@code ?limit}) it is
     * refused like any other bad value on every route: "empty" is not "the default".
     */
    public static Optional<String> query(ServerRequest req, String name) {
        List<String> values = req.query().all(name, List::of);
        if (values.isEmpty() && givenBare(req.query().rawValue(), name)) {
            values = List.of("");
        }
        if (values.size() > 1) {
            throw invalidQuery(name, "must be given once");
        }
        if (!values.isEmpty() && values.getFirst().isEmpty()) {
            throw invalidQuery(name, "must not be empty; leave it out for the default");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Whether {@code ?name} appears without {@code =}, which the query parser drops. */
    private static boolean givenBare(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.equals(name)) {
                return true;
            }
        }
        return false;
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
