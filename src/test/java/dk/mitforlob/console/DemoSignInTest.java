package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in against demo mode's development issuer, step by step over HTTP as the
 * browser does it (the browser tests do it in Chromium): authorize, pick a demo employee, exchange
 * the code with the PKCE verifier, call the API with the token.
 */
class DemoSignInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String accessTokenFor(String demoEmployee, String verifier, String challengeVerifier)
            throws Exception {
        URI console = ConsoleDemo.console();
        JsonNode config = JSON.readTree(HTTP.send(HttpRequest.newBuilder(console.resolve("config.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode discovery = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(config.path("issuer").asText()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(challengeVerifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = URI.create(discovery.path("authorization_endpoint").asText() + "?" + form(Map.of(
                "response_type", "code", "client_id", config.path("clientId").asText(),
                "redirect_uri", console.toString(), "scope", "openid", "state", "s1", "nonce", "n1",
                "code_challenge", challenge, "code_challenge_method", "S256")));

        HttpResponse<String> loginPage = HTTP.send(HttpRequest.newBuilder(authorize).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.body()).contains("value=\"caseworker-851\"", "value=\"caseworker-101\"", "value=\"evaluator\"");
        HttpResponse<String> picked = HTTP.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", demoEmployee)))).build(),
                HttpResponse.BodyHandlers.ofString());
        URI back = URI.create(picked.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(console.toString()).contains("state=s1");
        String code = back.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", console.resolve("/").toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", console.toString(), "client_id", config.path("clientId").asText(),
                        "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            return null;
        }
        assertThat(tokens.headers().firstValue("Access-Control-Allow-Origin")).as("the browser may read the answer")
                .isPresent();
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    private static int inboxStatus(String token, String municipality) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(ConsoleDemo.console().resolve("/api/v1/municipalities/" + municipality
                + "/inbox")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void picking_caseworker_851_gives_a_token_for_aalborgs_inbox_only() throws Exception {
        String verifier = "a-verifier-long-enough-for-pkce-0123456789abcdef";

        String token = accessTokenFor("caseworker-851", verifier, verifier);

        assertThat(inboxStatus(token, "851")).isEqualTo(200);
        assertThat(inboxStatus(token, "101")).isEqualTo(403);
    }

    @Test
    void the_code_is_not_exchanged_without_the_right_pkce_verifier() throws Exception {
        assertThat(accessTokenFor("caseworker-851", "another-verifier-long-enough-for-pkce-0123456789",
                "a-verifier-long-enough-for-pkce-0123456789abcdef")).isNull();
    }

    @Test
    void picking_the_evaluator_gives_an_evaluator_token() throws Exception {
        String verifier = "the-evaluators-verifier-long-enough-for-pkce-012345";

        String token = accessTokenFor("evaluator", verifier, verifier);

        assertThat(HTTP.send(HttpRequest.newBuilder(ConsoleDemo.console().resolve(
                        "/api/v1/evaluation/paid-hours?from=2026-01-01&to=2026-01-31&groupBy=programme"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isIn(200, 400);
        assertThat(inboxStatus(token, "851")).isEqualTo(403);
    }
}
