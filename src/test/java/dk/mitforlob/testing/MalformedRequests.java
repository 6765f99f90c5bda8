package dk.mitforlob.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catalogue of malformed requests every operation must refuse without a 5xx: bad media types,
 * bad JSON, odd encodings, huge numbers, deep nesting, odd headers, odd paths and query strings.
 * Built for one operation from what the contract says about it (its method, path, query parameters
 * and body schema), so an operation added later gets the whole catalogue without a line of test code.
 */
public final class MalformedRequests {

    /** One request of the catalogue, as raw HTTP/1.1: what it tries, its request line and headers, its body. */
    public record Case(String what, String method, String target, Map<String, List<String>> headers, byte[] body) {

        /** The bytes of the request line and headers, with Content-Length unless a header says otherwise. */
        public byte[] head(String host) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n");
            headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v)
                    .append("\r\n")));
            boolean framed = headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Content-Length")
                    || n.equalsIgnoreCase("Transfer-Encoding"));
            if (!framed && body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP_ARRAY = "[".repeat(50_000) + "]".repeat(50_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);

    private final String method;
    private final String path;
    private final String token;
    private final JsonNode sampleBody;
    private final List<String> queryParameters;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param sampleBody a well-shaped body for the operation, or null when it takes none
     * @param queryParameters the names of its query parameters
     */
    public MalformedRequests(String method, String path, String token, JsonNode sampleBody,
                             List<String> queryParameters) {
        this.method = method;
        this.path = path;
        this.token = token;
        this.sampleBody = sampleBody;
        this.queryParameters = queryParameters;
    }

    public List<Case> all() {
        mediaTypes();
        badJson();
        encodings();
        fieldValues();
        headers();
        paths();
        queries();
        return List.copyOf(cases);
    }

    private byte[] body() {
        return (sampleBody == null ? "{}" : sampleBody.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private void add(String what, String target, Map<String, List<String>> extra, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer " + token));
        extra.forEach((name, values) -> headers.merge(name, values, (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        cases.add(new Case(what, method, target, headers, body));
    }

    private void json(String what, byte[] body, String contentType) {
        add(what, path, Map.of("Content-Type", List.of(contentType)), body);
    }

    private void mediaTypes() {
        for (String type : List.of("application/json;", ";;;", "/", "json", "application/json; charset",
                "application/json; charset=", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                "application/json; charset=\"utf-8", "application/json; profile=x", "application/problem+json",
                "application/merge-patch+json", "application/json-patch+json", "text/plain", "text/json",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json, text/plain",
                "APPLICATION/JSON", "Application/Json; Charset=UTF-8", "application/json; charset=\"utf-8\"",
                "application/json ; charset = utf-8", "\tapplication/json", "application/*", "*/*", "")) {
            json("Content-Type [" + type + "]", body(), type);
        }
        add("a body without Content-Type", path, Map.of(), body());
        add("two Content-Type headers", path, Map.of("Content-Type", List.of("application/json", "text/plain")), body());
    }

    private void badJson() {
        for (String text : List.of("", " ", "{", "}", "[]", "null", "\"x\"", "1", "true", "{\"a\":}", "{\"a\" 1}",
                "{\"a\":1,\"a\":2}", "{} x", "{}{}", "{/*c*/}", "{\"a\": NaN}", "{\"a\": Infinity}", "{'a':1}",
                "{a:1}", "{\"a\":01}", "{\"a\":1,}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", DEEP_ARRAY, DEEP_OBJECT,
                "{\"a\":" + DEEP_ARRAY + "}", "{\"a\":1e999999999}", "{\"a\":-1e-999999999}",
                "{\"a\":" + "9".repeat(5000) + "}", "{\"" + "k".repeat(60_000) + "\":1}")) {
            json("body [" + abbreviate(text) + "]", text.getBytes(StandardCharsets.UTF_8), "application/json");
        }
        json("a body over the limit", ("{\"a\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private void encodings() {
        String text = body().length == 0 ? "{}" : new String(body(), StandardCharsets.UTF_8);
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "ISO-8859-1")) {
            json("body in " + charset, ("{\"a\":\"æøå\"," + text.substring(1)).getBytes(Charset.forName(charset)),
                    "application/json");
        }
        byte[][] broken = {
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAE, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                {'{', '"', 'a', '"', ':', '"', 0, '"', '}'},
                {'{', 0, '}'},
        };
        for (byte[] body : broken) {
            json("bytes " + hex(body), body, "application/json");
        }
    }

    /** Each field of the sample body replaced by each hostile value in turn. */
    private void fieldValues() {
        if (sampleBody == null || !sampleBody.isObject()) {
            return;
        }
        List<String> hostile = List.of("null", "1e400", "-1e400", "123456789012345678901234567890", "1.5", "-1", "0",
                "0.2500000000000000000001", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"a\\nb\"", "[]", "[null]",
                "{}", "true", "\"2026-13-45\"", "\"2026-02-30\"", "[2026,11,27]", "\"2026-11-27T00:00:00Z\"",
                "\"..\"", "\"" + "x".repeat(5000) + "\"", "[" + "1,".repeat(5000) + "1]", "\"\\u202e\\u0000x\"");
        List<String> fields = new ArrayList<>();
        sampleBody.fieldNames().forEachRemaining(fields::add);
        fields.add("unknownField");
        for (String field : fields) {
            for (String value : hostile) {
                ObjectNode mutated = ((ObjectNode) sampleBody.deepCopy());
                mutated.remove(field);
                String text = mutated.toString();
                String withField = "{\"" + field + "\":" + value + (text.equals("{}") ? "}" : "," + text.substring(1));
                json(field + " = " + abbreviate(value), withField.getBytes(StandardCharsets.UTF_8), "application/json");
            }
        }
        ObjectNode empty = NODES.objectNode();
        json("an empty object", empty.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void headers() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        add("two Authorization headers", path, merge(json, Map.of("Authorization", List.of("Bearer " + token))), body());
        add("two Content-Length headers", path, merge(json, Map.of("Content-Length", List.of(
                Integer.toString(body().length), Integer.toString(body().length)))), body());
        add("Content-Length shorter than the body", path, merge(json, Map.of("Content-Length", List.of("1"))), body());
        add("Content-Length not a number", path, merge(json, Map.of("Content-Length", List.of("ten"))), body());
        add("chunked body", path, merge(json, Map.of("Transfer-Encoding", List.of("chunked"))),
                ("2\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        add("broken chunk size", path, merge(json, Map.of("Transfer-Encoding", List.of("chunked"))),
                ("zz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        add("Content-Encoding gzip", path, merge(json, Map.of("Content-Encoding", List.of("gzip"))), body());
        add("Expect 100-continue", path, merge(json, Map.of("Expect", List.of("100-continue"))), body());
        add("headers over the limit", path, merge(json, Map.of("X-Padding", List.of("p".repeat(20_000)))), body());
        for (String value : List.of("", "*", "\"1\"", "W/\"1\"", "\"1\", \"2\"", "\"abc\"", "1", "\"", "W/", "\"1\" x",
                "*, \"1\"", "\"" + "9".repeat(30) + "\"")) {
            add("If-Match [" + value + "]", path, merge(json, Map.of("If-Match", List.of(value))), body());
            add("If-None-Match [" + value + "]", path, merge(json, Map.of("If-None-Match", List.of(value))), body());
        }
        for (String value : List.of("", "short", "k".repeat(200), "key with spaces", "nøgle-12345678", "%00%00%00%00%00")) {
            add("Idempotency-Key [" + abbreviate(value) + "]", path, merge(json, Map.of("Idempotency-Key", List.of(value))),
                    body());
        }
        add("two Idempotency-Key headers", path, merge(json, Map.of("Idempotency-Key",
                List.of("key-aaaaaaaa-1", "key-aaaaaaaa-2"))), body());
        for (String value : List.of("Bearer", "Bearer ", "Bearer a.b.c", "bearer " + token, "Basic YTpi",
                "Bearer " + token + " extra", "Bearer " + "x".repeat(10_000))) {
            Map<String, List<String>> headers = new LinkedHashMap<>(json);
            cases.add(new Case("Authorization [" + abbreviate(value) + "]", method, path,
                    merge(headers, Map.of("Authorization", List.of(value))), body()));
        }
        add("X-Request-Id with control characters", path, merge(json, Map.of("X-Request-Id", List.of("a\tb"))), body());
        add("Accept text/html", path, merge(json, Map.of("Accept", List.of("text/html"))), body());
        add("Range", path, merge(json, Map.of("Range", List.of("bytes=0-1"))), body());
        add("non-ASCII header value", path, merge(json, Map.of("X-Note", List.of("æøå\u00ff"))), body());
    }

    private void paths() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        String parent = path.substring(0, path.length() - last.length());
        for (String replacement : List.of(".", "..", "%2e", "%2E%2e", "%2e%2e%2f", "a%2Fb", "a%5Cb", "%00", "%zz",
                "a;x=1", ";", "%", "x".repeat(5000), "%C0%AF", "%ED%A0%80", "æ")) {
            add("last path segment [" + abbreviate(replacement) + "]", parent + replacement, json, body());
        }
        add("matrix parameters", path + ";x=1", json, body());
        add("double slash", path.replaceFirst("/api/", "//api/"), json, body());
        add("trailing slash", path + "/", json, body());
        add("dot segment in the middle", path.replaceFirst("/api/v1/", "/api/v1/./"), json, body());
        add("fragment", path + "#x", json, body());
    }

    private void queries() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        List<String> names = new ArrayList<>(queryParameters);
        names.add("undeclared");
        for (String name : names) {
            for (String value : List.of("", "=", "%00", "%zz", "-1", "0", "99999999999999999999", "1e3", "abc",
                    "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "true%20", "x".repeat(3000), "a&" + name + "=b")) {
                add(name + " = [" + abbreviate(value) + "]", path + "?" + name + "=" + value, json, body());
            }
            add(name + " without =", path + "?" + name, json, body());
        }
    }

    private static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> merged = new LinkedHashMap<>(a);
        b.forEach((name, values) -> merged.merge(name, values, (x, y) -> {
            List<String> both = new ArrayList<>(x);
            both.addAll(y);
            return both;
        }));
        return merged;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + ")" : text;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
