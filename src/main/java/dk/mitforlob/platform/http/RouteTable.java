package dk.mitforlob.platform.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import dk.mitforlob.platform.errors.Rejection;

/**
 * The API's routes as method + path template, read off the services themselves. Helidon answers an
 * unmatched request with "not found" whatever the method; with this table a known path with the
 * wrong method becomes 405 with {@code Allow}, and anything else a 404 problem.
 */
public final class RouteTable {

    private final List<Template> templates = new ArrayList<>();

    /** Records the routes {@code service} declares below {@code prefix}. */
    public void record(String prefix, HttpService service) {
        service.routing(new Recorder(prefix));
    }

    Rejection noRoute(ServerRequest req) {
        String path = req.prologue().uriPath().path();
        Set<String> allowed = new TreeSet<>();
        for (Template template : templates) {
            if (template.pattern().matcher(path).matches()) {
                allowed.add(template.method().text());
            }
        }
        if (allowed.isEmpty() || allowed.contains(req.prologue().method().text())) {
            return Rejection.notFound("not-found", "There is nothing at this address");
        }
        return new Rejection(Rejection.Kind.METHOD_NOT_ALLOWED, "method-not-allowed",
                req.prologue().method().text() + " is not allowed here; use " + String.join(", ", allowed))
                .withHeader("Allow", String.join(", ", allowed));
    }

    private record Template(Method method, Pattern pattern) {
        static Template of(Method method, String path) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return new Template(method, Pattern.compile(regex.replace("\\Q\\E", "")));
        }
    }

    /** Plays the part of Helidon's rules for one pass over a service, keeping only method and path. */
    private final class Recorder implements HttpRules {
        private final String prefix;

        Recorder(String prefix) {
            this.prefix = prefix;
        }

        private HttpRules add(Method method, String path) {
            templates.add(Template.of(method, prefix + path));
            return this;
        }

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                service.routing(this);
            }
            return this;
        }

        @Override
        public HttpRules register(String path, HttpService... services) {
            for (HttpService service : services) {
                service.routing(new Recorder(prefix + path));
            }
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            throw new UnsupportedOperationException("Declare routes with get/post/put/delete/patch and a path");
        }

        @Override
        public HttpRules route(Method method, String path, Handler handler) {
            if (method == Method.GET) {
                add(Method.HEAD, path);
            }
            return add(method, path);
        }

        @Override
        public HttpRules route(Method method, PathMatcher matcher, Handler handler) {
            throw new UnsupportedOperationException("Declare routes with a path template");
        }

        @Override
        public HttpRules get(String path, Handler... handlers) {
            add(Method.HEAD, path);
            return add(Method.GET, path);
        }

        @Override
        public HttpRules post(String path, Handler... handlers) {
            return add(Method.POST, path);
        }

        @Override
        public HttpRules put(String path, Handler... handlers) {
            return add(Method.PUT, path);
        }

        @Override
        public HttpRules delete(String path, Handler... handlers) {
            return add(Method.DELETE, path);
        }

        @Override
        public HttpRules patch(String path, Handler... handlers) {
            return add(Method.PATCH, path);
        }
    }
}
