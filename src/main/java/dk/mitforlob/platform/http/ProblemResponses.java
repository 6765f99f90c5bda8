package dk.mitforlob.platform.http;

import java.lang.System.Logger.Level;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.json.Json;

/**
 * The one place where failures become responses: every error, whether raised by our code, by
 * routing, or by the HTTP transport before routing (oversize or malformed requests), leaves as
 * {@code application/problem+json} with a stable {@code code} and the request id.
 */
public final class ProblemResponses {

    private static final System.Logger LOG = System.getLogger(ProblemResponses.class.getName());

    private static final long STORE_RETRY_AFTER_SECONDS = 5;

    private final RouteTable routes;

    public ProblemResponses(RouteTable routes) {
        this.routes = routes;
    }

    public void install(HttpRouting.Builder routing) {
        routing.error(Rejection.class, (req, res, rejection) -> send(req, res, rejection));
        routing.error(NotFoundException.class, (req, res, notFound) -> send(req, res, routes.noRoute(req)));
        routing.error(HttpException.class, (req, res, e) -> {
            if (e.status().code() < 400) {
                // not a failure: static content answers a conditional GET it can skip with 304 this way
                res.status(e.status());
                res.send();
                return;
            }
            if (e.status().code() >= 500) {
                LOG.log(Level.ERROR, "HTTP failure", e);
            }
            send(req, res, forStatus(e.status().code()));
        });
        routing.error(Exception.class, (req, res, e) -> {
            String where = req.prologue().method().text() + " " + Redaction.path(req.prologue().uriPath().rawPath());
            if (e instanceof MongoException mongo && storeUnavailable(mongo)) {
                // the store is away or failing over: the client may retry, and nothing is half done
                LOG.log(Level.WARNING, "Store unavailable in " + where + ": " + e.getClass().getSimpleName());
                send(req, res, new Rejection(Rejection.Kind.UNAVAILABLE, "store-unavailable",
                        "The database cannot be reached right now; try again shortly")
                        .withHeader("Retry-After", Long.toString(STORE_RETRY_AFTER_SECONDS)));
                return;
            }
            LOG.log(Level.ERROR, "Unexpected failure in " + where, e);
            send(req, res, forStatus(500));
        });
    }

    /** Failures of reaching the store at all (down, unreachable, electing a primary), not of a request to it. */
    static boolean storeUnavailable(MongoException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException
                || e instanceof MongoConnectionPoolClearedException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException;
    }

    public static void send(ServerRequest req, ServerResponse res, Rejection rejection) {
        String requestId = RequestId.of(req);
        Problem problem = Problem.of(rejection, Redaction.path(req.prologue().uriPath().rawPath()), requestId);
        res.status(Status.create(rejection.status()));
        res.header(RequestId.HEADER, requestId);
        res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> header : rejection.headers().entrySet()) {
            res.header(HeaderNames.create(header.getKey()), header.getValue());
        }
        byte[] body = Json.write(problem);
        if (req.prologue().method() == Method.HEAD) {
            // a HEAD answer has the headers of the GET answer and never a body
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    /** Problems raised by the transport before any routing, e.g. headers over the size limit. */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = new Transport();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    /** Answers the transport's refusals; it sees the cause, which tells request headers over the limit apart. */
    private static final class Transport implements DirectHandler {
        /** What Helidon's header parser says when the headers exceed {@code max-headers-size}. */
        private static final String HEADERS_TOO_LARGE = "Header size exceeded";

        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
            Status actual = status;
            if (status.code() == 400 && thrown != null && thrown.getCause() instanceof IllegalStateException cause
                    && HEADERS_TOO_LARGE.equals(cause.getMessage())) {
                actual = Status.create(431, "Request Header Fields Too Large");
            }
            if (actual.code() >= 500 && thrown != null) {
                LOG.log(Level.ERROR, "Transport failure", thrown);
            }
            return handle(request, type, actual, headers, (String) null);
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        ServerResponseHeaders headers, String message) {
            return direct(request, status, headers);
        }
    }

    private static DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request,
                                                          Status status,
                                                          ServerResponseHeaders headers) {
        Rejection rejection = forStatus(status.code());
        String path = request.path() == null || request.path().isEmpty() ? null : Redaction.path(request.path());
        String requestId = RequestId.fromClientOrNew(request.headers().first(RequestId.HEADER).orElse(null)).value();
        Problem problem = Problem.of(rejection, path, requestId).withStatus(status.code());
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(RequestId.HEADER, requestId)
                .entity(Json.write(problem))
                .build();
    }

    /** What to tell a client about a status the transport or routing chose, not our code. */
    private static Rejection forStatus(int code) {
        return switch (code) {
            case 400 -> Rejection.badRequest("bad-request", "The request could not be understood");
            case 403 -> Rejection.forbidden("forbidden", "The request is not allowed");
            case 404 -> Rejection.notFound("not-found", "There is nothing at this address");
            case 413 -> new Rejection(Rejection.Kind.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "The request body is larger than this service accepts");
            case 414 -> new Rejection(Rejection.Kind.URI_TOO_LONG, "uri-too-long",
                    "The request line is longer than this service accepts");
            case 431 -> new Rejection(Rejection.Kind.HEADERS_TOO_LARGE, "headers-too-large",
                    "The request headers are larger than this service accepts");
            case 415 -> new Rejection(Rejection.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The request body must be application/json");
            default -> code >= 500
                    ? new Rejection(Rejection.Kind.INTERNAL, "internal-error",
                            "Something went wrong on our side; the request can be retried")
                    : Rejection.badRequest("bad-request", "The request could not be handled");
        };
    }
}
