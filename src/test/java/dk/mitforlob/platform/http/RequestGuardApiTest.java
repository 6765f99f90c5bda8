package dk.mitforlob.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.Fixtures;
import dk.mitforlob.testing.RawHttp;
import dk.mitforlob.testing.TestService;

/**
 * What every route refuses before it is reached: media types, paths, duplicated headers, sizes.
 * Each class of input is tested as a class; MalformedRequestCatalogueTest sends all of it to every
 * operation of the contract and checks only that nothing is a 5xx.
 */
class RequestGuardApiTest {

    private final TestService service = TestService.get();
    private final RawHttp raw = new RawHttp(service.api().base());

    private String enroll() {
        return "/api/v1/integration/municipalities/851/citizens/REF-guard-" + UUID.randomUUID();
    }

    private byte[] enrollment() {
        return dk.mitforlob.platform.json.Json.write(Fixtures.enrollment(Fixtures.newCpr(), "cw"));
    }

    @Test
    void a_malformed_content_type_is_415_not_500() {
        for (String type : List.of("application/json;", ";;;", "/", "json", "application/json; charset",
                "application/json; charset=", "application/json; charset=\"utf-8", "application/json; profile=x")) {
            service.api().put(enroll()).bearer(service.issuers().integration("851"))
                    .body(type, enrollment()).invalid().send().expectProblem(415, "unsupported-media-type");
        }
    }

    @Test
    void media_types_are_compared_without_regard_to_letter_case() {
        for (String type : List.of("APPLICATION/JSON", "Application/Json; Charset=UTF-8", "application/json; charset=\"utf-8\"")) {
            service.api().put(enroll()).bearer(service.issuers().integration("851"))
                    .body(type, enrollment()).invalid().send().expect(201);
        }
    }

    @Test
    void another_charset_or_another_json_type_is_415() {
        for (String type : List.of("application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                "application/json; charset=us-ascii", "application/problem+json", "application/merge-patch+json",
                "text/json", "text/plain")) {
            service.api().put(enroll()).bearer(service.issuers().integration("851"))
                    .body(type, enrollment()).invalid().send().expectProblem(415, "unsupported-media-type");
        }
    }

    @Test
    void a_merge_patch_is_not_applied_as_a_replacement() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");

        service.api().put("/api/v1/me/wishes").bearer(citizen.token()).ifMatch("\"0\"")
                .body("application/merge-patch+json", "{\"whatMatters\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                .invalid().send().expectProblem(415, "unsupported-media-type");
        assertThat(service.api().get("/api/v1/me/wishes").bearer(citizen.token()).send().expect(200).etag())
                .isEqualTo("\"0\"");
    }

    @Test
    void a_body_in_utf16_or_with_invalid_or_overlong_utf8_is_400() {
        String json = "{\"cpr\":\"" + Fixtures.newCpr() + "\",\"name\":\"A/B\",\"programme\":\"resource-programme\"}";
        byte[] overlong = json.getBytes(StandardCharsets.UTF_8);
        int slash = new String(overlong, StandardCharsets.ISO_8859_1).indexOf('/');
        byte[] withOverlong = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withOverlong, 0, slash);
        withOverlong[slash] = (byte) 0xC0;
        withOverlong[slash + 1] = (byte) 0xAF;
        System.arraycopy(overlong, slash + 1, withOverlong, slash + 2, overlong.length - slash - 1);
        for (byte[] body : List.of(withOverlong, json.getBytes(StandardCharsets.UTF_16),
                json.getBytes(StandardCharsets.UTF_16LE), json.replace("A/B", "Åse").getBytes(StandardCharsets.ISO_8859_1))) {
            service.api().put(enroll()).bearer(service.issuers().integration("851"))
                    .body("application/json", body).invalid().send().expectProblem(400, "invalid-encoding");
        }
    }

    @Test
    void dot_segments_as_ids_are_400_also_percent_encoded() {
        for (String id : List.of(".", "..", "%2e", "%2E%2e", "%2e.", "a%2Fb", "a%5Cb")) {
            RawHttp.Response response = raw.send("PUT /api/v1/integration/municipalities/851/citizens/" + id
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + service.issuers().integration("851")
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + enrollment().length, enrollment());

            assertThat(response.status()).as(id).isEqualTo(400);
            assertThat(response.bodyText()).contains("\"invalid-path\"");
        }
    }

    @Test
    void matrix_parameters_are_refused_not_dropped() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        for (String path : List.of("/api/v1/me;x=1", "/api/v1;v=2/me", "/api/v1/me/hours;limit=1")) {
            RawHttp.Response response = raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + citizen.token(), null);

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.bodyText()).contains("\"invalid-path\"");
        }
    }

    @Test
    void a_municipality_code_that_is_not_three_digits_is_400_for_anyone() {
        for (String code : List.of("85", "8510", "abc", "85a", "%38%35%31x")) {
            for (String token : List.of(service.issuers().caseworker("851"), service.issuers().evaluator(),
                    Fixtures.enrollCitizen(service, "851").token())) {
                service.api().get("/api/v1/municipalities/" + code + "/inbox").bearer(token).invalid().send()
                        .expectProblem(400, "invalid-parameter");
            }
        }
    }

    @Test
    void headers_over_the_limit_are_431_and_a_request_line_over_it_414() {
        Fixtures.TestCitizen citizen = Fixtures.enrollCitizen(service, "851");
        RawHttp.Response headers = raw.send("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + citizen.token() + "\r\nX-Padding: " + "p".repeat(20_000), null);
        RawHttp.Response line = raw.send("GET /api/v1/me?x=" + "p".repeat(5_000) + " HTTP/1.1\r\nHost: x", null);

        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.bodyText()).contains("\"headers-too-large\"");
        assertThat(line.status()).isEqualTo(414);
        assertThat(line.bodyText()).contains("\"uri-too-long\"");
    }

    @Test
    void a_client_still_sending_a_mebibyte_receives_the_413() {
        byte[] mebibyte = new byte[1024 * 1024];
        Arrays.fill(mebibyte, (byte) ' ');
        String head = "PUT " + enroll() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + service.issuers().integration("851") + "\r\nContent-Type: application/json\r\n";
        for (int attempt = 0; attempt < 5; attempt++) {
            RawHttp.Response announced = raw.sendBytes((head + "Content-Length: " + mebibyte.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1), mebibyte, 4096);
            RawHttp.Response chunked = raw.sendBytes((head + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1), chunked(mebibyte), 4096);

            assertThat(announced.failure()).isNull();
            assertThat(announced.status()).isEqualTo(413);
            assertThat(announced.bodyText()).contains("\"payload-too-large\"");
            assertThat(chunked.failure()).isNull();
            assertThat(chunked.status()).isEqualTo(413);
        }
    }

    @Test
    void an_ordinary_http_client_sending_a_mebibyte_gets_the_413_not_a_broken_connection()
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] mebibyte = new byte[1024 * 1024];
        Arrays.fill(mebibyte, (byte) ' ');
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(service.api().base().resolve(enroll()))
                    .header("Authorization", "Bearer " + service.issuers().integration("851"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(mebibyte)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void duplicated_single_headers_are_400() {
        for (String header : List.of("Content-Type: application/json", "Idempotency-Key: key-aaaa-bbbb",
                "X-Request-Id: one")) {
            String name = header.substring(0, header.indexOf(':'));
            RawHttp.Response response = raw.send("PUT " + enroll() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + service.issuers().integration("851") + "\r\nContent-Type: application/json\r\n" + header
                    + "\r\n" + header + "\r\nContent-Length: " + enrollment().length, enrollment());

            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.bodyText()).contains("\"duplicate-header\"", "\"" + name + "\"");
        }
    }

    private static byte[] chunked(byte[] data) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += 8192) {
            int n = Math.min(8192, data.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(data, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
