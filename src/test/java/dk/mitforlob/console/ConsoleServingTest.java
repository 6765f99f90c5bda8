package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The console's files and configuration as the service serves them in demo mode (no browser needed). */
class ConsoleServingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ConsoleDemo.console().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_allows_scripts_styles_and_fonts_only_from_the_service_and_connections_to_the_issuer() throws Exception {
        HttpResponse<String> page = get("/console/");
        JsonNode config = new ObjectMapper().readTree(get("/console/config.json").body());
        URI issuer = URI.create(config.path("issuer").asText());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"da\">").contains("js/main.js").doesNotContain("https://");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'",
                "connect-src 'self' http://" + issuer.getAuthority() + ";");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void the_configuration_names_the_development_issuer_and_the_demo_client() throws Exception {
        HttpResponse<String> response = get("/console/config.json");
        JsonNode config = new ObjectMapper().readTree(response.body());

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(config.path("issuer").asText()).matches("http://localhost:\\d+/employees");
        assertThat(config.path("clientId").asText()).isEqualTo("mitforlob-console");
        assertThat(config.path("demo").asBoolean()).isTrue();
        assertThat(config.path("rolesClaim").asText()).isEqualTo("roles");
        assertThat(config.path("municipalities").path("147").asText()).isEqualTo("Frederiksberg");
    }

    @Test
    void third_party_browser_code_is_served_from_the_jar_not_a_cdn() throws Exception {
        assertThat(get("/console/vendor/chart.js/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/console/vendor/dkfds/css/dkfds-borgerdk.min.css").body()).contains(".button-primary");
        assertThat(get("/console/vendor/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void an_unchanged_file_is_answered_304_on_a_conditional_get() throws Exception {
        String etag = get("/console/console.css").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/console/console.css", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void the_bare_path_redirects_and_a_missing_file_is_a_problem() throws Exception {
        HttpResponse<String> bare = get("/console");
        HttpResponse<String> missing = get("/console/no-such-file.js");

        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).contains("/console/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
}
