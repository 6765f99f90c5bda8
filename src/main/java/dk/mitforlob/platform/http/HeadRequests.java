package dk.mitforlob.platform.http;

import java.io.OutputStream;
import java.util.function.UnaryOperator;

import io.helidon.common.GenericType;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;

/**
 * {@code HEAD} on every {@code GET} route, as RFC 9110 asks: the GET handler runs and its status
 * and headers (ETag, Content-Length, ...) go out, its body does not. Services declare GET only;
 * wrapping them here gives every route, also those added later, its HEAD.
 */
public final class HeadRequests {

    private HeadRequests() {
    }

    /** {@code service} with a HEAD route beside each of its GET routes. */
    public static HttpService supporting(HttpService service) {
        return rules -> service.routing(new Rules(rules));
    }

    /** Helidon's rules, adding HEAD wherever GET is declared. */
    private record Rules(HttpRules delegate) implements HttpRules {

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                delegate.register(supporting(service));
            }
            return this;
        }

        @Override
        public HttpRules register(String path, HttpService... services) {
            for (HttpService service : services) {
                delegate.register(path, supporting(service));
            }
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            delegate.route(route);
            return this;
        }

        @Override
        public HttpRules route(Method method, String path, Handler handler) {
            delegate.route(method, path, handler);
            if (method == Method.GET) {
                delegate.route(Method.HEAD, path, (req, res) -> handler.handle(req, new BodilessResponse(res)));
            }
            return this;
        }

        @Override
        public HttpRules get(String path, Handler... handlers) {
            for (Handler handler : handlers) {
                route(Method.GET, path, handler);
            }
            return this;
        }
    }

    /** The response of a GET handler answering HEAD: everything but the body. */
    private record BodilessResponse(ServerResponse delegate) implements ServerResponse {

        @Override
        public void send(byte[] entity) {
            delegate.header(HeaderNames.CONTENT_LENGTH, String.valueOf(entity.length));
            delegate.send();
        }

        @Override
        public void send(Object entity) {
            if (entity instanceof byte[] bytes) {
                send(bytes);
            } else {
                delegate.send();
            }
        }

        @Override
        public void send() {
            delegate.send();
        }

        @Override
        public OutputStream outputStream() {
            return new OutputStream() {
                private long length;

                @Override
                public void write(int b) {
                    length++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    length += len;
                }

                @Override
                public void close() {
                    delegate.header(HeaderNames.CONTENT_LENGTH, String.valueOf(length));
                    delegate.send();
                }
            };
        }

        @Override
        public ServerResponse status(Status status) {
            delegate.status(status);
            return this;
        }

        @Override
        public Status status() {
            return delegate.status();
        }

        @Override
        public ServerResponse header(Header header) {
            delegate.header(header);
            return this;
        }

        @Override
        public boolean isSent() {
            return delegate.isSent();
        }

        @Override
        public long bytesWritten() {
            return delegate.bytesWritten();
        }

        @Override
        public ServerResponse whenSent(Runnable listener) {
            delegate.whenSent(listener);
            return this;
        }

        @Override
        public ServerResponse reroute(String newPath) {
            delegate.reroute(newPath);
            return this;
        }

        @Override
        public ServerResponse reroute(String path, UriQuery query) {
            delegate.reroute(path, query);
            return this;
        }

        @Override
        public ServerResponse next() {
            delegate.next();
            return this;
        }

        @Override
        public ServerResponseHeaders headers() {
            return delegate.headers();
        }

        @Override
        public ServerResponseTrailers trailers() {
            return delegate.trailers();
        }

        @Override
        public void streamResult(String result) {
            delegate.streamResult(result);
        }

        @Override
        public <T extends Sink<?>> T sink(GenericType<T> sinkType) {
            throw new UnsupportedOperationException("HEAD does not stream");
        }

        @Override
        public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
            delegate.streamFilter(filterFunction);
        }
    }
}
