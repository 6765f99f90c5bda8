package dk.mitforlob.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dk.mitforlob.platform.config.PushSettings;

/**
 * A local stand-in for Firebase Cloud Messaging's HTTP v1 API and Google's OAuth token endpoint,
 * which the real Firebase Admin SDK talks to over real HTTP. It issues access tokens for a service
 * account key it generated (checking the signed assertion), demands one of them on every send,
 * checks each message's shape against the mobile contract's push schemas, and answers as FCM does:
 * a message id, or an error scripted for a token (404 UNREGISTERED, 429 with retry-after, 5xx).
 */
public final class FakeFcm implements AutoCloseable {

    public static final String PROJECT = "mitforlob-test";
    private static final String CLIENT_EMAIL = "push@mitforlob-test.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as FCM received it, and the access token it came with. */
    public record Received(String token, JsonNode message, String authorization) {
        public String dataId() {
            return message.path("data").path("id").asText();
        }

        public String kind() {
            return message.path("data").path("kind").asText();
        }
    }

    /** A scripted answer: an HTTP status, FCM's error code and an optional retry-after in seconds. */
    public record Answer(int status, String errorStatus, String fcmErrorCode, Optional<Integer> retryAfterSeconds) {
        public static Answer unregistered() {
            return new Answer(404, "NOT_FOUND", "UNREGISTERED", Optional.empty());
        }

        public static Answer invalidArgument() {
            return new Answer(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", Optional.empty());
        }

        public static Answer quotaExceeded(int retryAfterSeconds) {
            return new Answer(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", Optional.of(retryAfterSeconds));
        }

        public static Answer internal() {
            return new Answer(500, "INTERNAL", "INTERNAL", Optional.empty());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final KeyPair key;
    private final Path credentials;
    private final PushSchemas schemas = PushSchemas.get();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicLong> countsById = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean keepMessages = true;

    private FakeFcm(int threadCount) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            threads = Executors.newFixedThreadPool(threadCount, runnable -> {
                Thread thread = new Thread(runnable, "fake-fcm");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/token", this::token);
            server.createContext("/v1/projects/", this::send);
            server.start();
            credentials = Files.createTempFile("fake-fcm-service-account", ".json");
            Files.writeString(credentials, serviceAccountJson());
            credentials.toFile().deleteOnExit();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the fake FCM", e);
        }
    }

    public static FakeFcm start() {
        return new FakeFcm(16);
    }

    public static FakeFcm start(int threads) {
        return new FakeFcm(threads);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The service account key file, as GOOGLE_APPLICATION_CREDENTIALS names it. */
    public Path credentials() {
        return credentials;
    }

    /** Push settings that send through the real SDK to this fake. */
    public PushSettings settings(Duration lease) {
        return new PushSettings(PushSettings.Delivery.FCM, Optional.of(PROJECT), Optional.of(credentials), endpoint(),
                lease);
    }

    /** The environment variables that make a service process push here. */
    public Map<String, String> environment() {
        return Map.of("MITFORLOB_PUSH", "fcm", "MITFORLOB_FCM_PROJECT_ID", PROJECT,
                "GOOGLE_APPLICATION_CREDENTIALS", credentials.toString(), "MITFORLOB_FCM_ENDPOINT", endpoint().toString());
    }

    /** The next sends to {@code token} get these answers, one each, then success again. */
    public void script(String token, Answer... answers) {
        scripted.computeIfAbsent(token, t -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** Every send to {@code token} gets this answer. */
    public void always(String token, Answer answer) {
        always.put(token, answer);
    }

    /** For big runs: count, but do not keep every message. */
    public void keepMessages(boolean keep) {
        keepMessages = keep;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> receivedFor(String token) {
        return received().stream().filter(r -> r.token().equals(token)).toList();
    }

    /** How many sends arrived with each notification id (the {@code id} of the data payload). */
    public Map<String, Long> countsById() {
        Map<String, Long> counts = new HashMap<>();
        countsById.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    /** Sends answered with a message id. */
    public long accepted() {
        return accepted.get();
    }

    public long requests() {
        return requests.get();
    }

    /** Everything wrong with the requests received: auth, shape, schema. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    public void reset() {
        received.clear();
        problems.clear();
        countsById.clear();
        scripted.clear();
        always.clear();
        accepted.set(0);
        requests.set(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(read(exchange));
        String assertion = form.getOrDefault("assertion", "");
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || !signedByOurKey(assertion)) {
            problems.add("token request without a valid signed assertion");
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}", Map.of());
            return;
        }
        String token = "fake-access-token-" + sequence.incrementAndGet();
        issuedTokens.add(token);
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                Map.of());
    }

    private void send(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/projects/" + PROJECT + "/messages:send")) {
            problems.add("unexpected request " + exchange.getRequestMethod() + " " + path);
            respond(exchange, 404, "{}", Map.of());
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !issuedTokens.contains(authorization.substring(7))) {
            problems.add("a send without an access token we issued: " + authorization);
            error(exchange, new Answer(401, "UNAUTHENTICATED", null, Optional.empty()));
            return;
        }
        JsonNode body = JSON.readTree(read(exchange));
        JsonNode message = body.path("message");
        String token = message.path("token").asText("");
        List<String> wrong = schemas.check(message);
        if (!wrong.isEmpty()) {
            problems.add("message " + message + ": " + wrong);
            error(exchange, Answer.invalidArgument());
            return;
        }
        if (keepMessages) {
            received.add(new Received(token, message, authorization));
        }
        countsById.computeIfAbsent(message.path("data").path("id").asText(), id -> new AtomicLong()).incrementAndGet();
        Answer answer = Optional.ofNullable(scripted.get(token)).map(ConcurrentLinkedQueue::poll)
                .orElse(always.get(token));
        if (answer != null) {
            error(exchange, answer);
            return;
        }
        accepted.incrementAndGet();
        respond(exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/" + sequence.incrementAndGet() + "\"}",
                Map.of());
    }

    private void error(HttpExchange exchange, Answer answer) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode inner = error.putObject("error");
        inner.put("code", answer.status()).put("message", "fake FCM says " + answer.errorStatus())
                .put("status", answer.errorStatus());
        if (answer.fcmErrorCode() != null) {
            inner.putArray("details").addObject().put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
                    .put("errorCode", answer.fcmErrorCode());
        }
        Map<String, String> headers = answer.retryAfterSeconds()
                .map(seconds -> Map.of("Retry-After", Integer.toString(seconds))).orElse(Map.of());
        respond(exchange, answer.status(), error.toString(), headers);
    }

    private boolean signedByOurKey(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(key.getPublic().getEncoded())));
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]))
                    && CLIENT_EMAIL.equals(claims.path("iss").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode account = JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", PROJECT)
                .put("private_key_id", "fake-key-1")
                .put("private_key", pem)
                .put("client_email", CLIENT_EMAIL)
                .put("client_id", "100000000000000000001")
                .put("token_uri", endpoint() + "/token");
        return account.toString();
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            Files.deleteIfExists(credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
