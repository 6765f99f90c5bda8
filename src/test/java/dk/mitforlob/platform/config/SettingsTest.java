package dk.mitforlob.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.ratelimit.RateLimits;
import dk.mitforlob.platform.security.TrustedIssuer;
import org.junit.jupiter.api.io.TempDir;

import dk.mitforlob.platform.security.Role;

class SettingsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String ISSUERS = """
            [{"name":"citizens","issuer":"https://broker.example/citizens","audience":"mitforlob",
              "roles":["citizen"],"cprClaim":"cpr"},
             {"name":"employees","issuer":"https://idp.example","audience":"mitforlob",
              "roles":["caseworker","evaluator"],"rolesClaim":"roles","municipalityClaim":"kommune"}]
            """;

    @Test
    void with_nothing_set_the_service_runs_in_demo_mode_on_embedded_defaults() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.demo()).isTrue();
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.mongoUri()).isEmpty();
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(settings.hoursWindowDays()).isEqualTo(90);
        assertThat(settings.logFormat()).isEqualTo(Settings.LogFormat.TEXT);
    }

    @Test
    void production_reads_every_setting() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "MITFORLOB_MODE", "production", "MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0",
                "MONGODB_DATABASE", "mf", "MITFORLOB_ISSUERS", ISSUERS, "MITFORLOB_CPR_HMAC_KEY", KEY,
                "SERVER_PORT", "9000", "MITFORLOB_MAX_BODY_BYTES", "32768", "MITFORLOB_HOURS_WINDOW_DAYS", "60",
                "MITFORLOB_FCM_PROJECT_ID", "mitforlob-prod", "GOOGLE_APPLICATION_CREDENTIALS", "/run/secrets/fcm.json"));

        assertThat(settings.demo()).isFalse();
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.mongoDatabase()).isEqualTo("mf");
        assertThat(settings.maxBodyBytes()).isEqualTo(32768);
        assertThat(settings.hoursWindowDays()).isEqualTo(60);
        assertThat(settings.logFormat()).isEqualTo(Settings.LogFormat.JSON);
        assertThat(settings.issuers()).hasSize(2);
        assertThat(settings.issuers().get(1).roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.EVALUATOR);
        assertThat(settings.issuers().get(1).municipalityClaim()).contains("kommune");
        assertThat(settings.issuers().get(0).subjectClaim()).isEqualTo("sub");
        assertThat(settings.push().delivery()).isEqualTo(PushSettings.Delivery.FCM);
        assertThat(settings.push().projectId()).contains("mitforlob-prod");
        assertThat(settings.push().credentials()).contains(Path.of("/run/secrets/fcm.json"));
        assertThat(settings.push().endpoint()).isEqualTo(PushSettings.FCM_ENDPOINT);
        assertThat(settings.push().lease()).isEqualTo(PushSettings.DEFAULT_LEASE);
    }

    @Test
    void demo_mode_writes_pushes_to_the_log() {
        assertThat(Settings.fromEnvironment(Map.of()).push().delivery()).isEqualTo(PushSettings.Delivery.LOG);
    }

    @Test
    void production_refuses_to_push_through_fcm_without_a_project_and_a_key_unless_told_to_log() {
        Map<String, String> production = Map.of("MITFORLOB_MODE", "production", "MONGODB_URI", "mongodb://db",
                "MITFORLOB_ISSUERS", ISSUERS, "MITFORLOB_CPR_HMAC_KEY", KEY);
        assertThatThrownBy(() -> Settings.fromEnvironment(production))
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS").hasMessageContaining("MITFORLOB_FCM_PROJECT_ID");
        var logging = new java.util.HashMap<>(production);
        logging.put("MITFORLOB_PUSH", "log");
        assertThat(Settings.fromEnvironment(logging).push().delivery()).isEqualTo(PushSettings.Delivery.LOG);
    }

    @Test
    void bad_push_settings_are_refused_with_the_variable_named() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_PUSH", "apns")))
                .hasMessageContaining("MITFORLOB_PUSH");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_FCM_ENDPOINT", "ftp://fcm")))
                .hasMessageContaining("MITFORLOB_FCM_ENDPOINT");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_REMINDER_LEASE_SECONDS", "2")))
                .hasMessageContaining("MITFORLOB_REMINDER_LEASE_SECONDS");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_REMINDER_LEASE_SECONDS", "soon")))
                .hasMessageContaining("MITFORLOB_REMINDER_LEASE_SECONDS");
    }

    @Test
    void issuers_can_come_from_a_yaml_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("issuers.yaml");
        Files.writeString(file, """
                - name: citizens
                  issuer: https://broker.example/citizens
                  audience: mitforlob
                  roles: [citizen]
                  cprClaim: cpr
                """);

        Settings settings = Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production",
                "MONGODB_URI", "mongodb://db", "MITFORLOB_CPR_HMAC_KEY", KEY, "MITFORLOB_ISSUERS_FILE", file.toString(),
                "MITFORLOB_PUSH", "log"));

        assertThat(settings.issuers()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("citizens"));
    }

    @Test
    void rate_limits_default_far_above_real_use_and_can_be_set() {
        assertThat(Settings.fromEnvironment(Map.of()).rateLimits()).isEqualTo(RateLimits.DEFAULTS);

        Settings set = Settings.fromEnvironment(Map.of("MITFORLOB_RATE_LIMIT_WRITES", "30",
                "MITFORLOB_RATE_LIMIT_READS", "300", "MITFORLOB_RATE_LIMIT_CASE_SYSTEM_WRITES", "600",
                "MITFORLOB_RATE_LIMIT_CASE_SYSTEM_READS", "900"));

        assertThat(set.rateLimits()).isEqualTo(new RateLimits(30, 300, 600, 900));
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_RATE_LIMIT_WRITES", "0")))
                .hasMessageContaining("at least 1");
    }

    @Test
    void an_issuers_token_type_is_jwt_unless_set_to_at_jwt() {
        String issuers = """
                [{"name": "a", "issuer": "https://a.example", "audience": "m", "roles": ["evaluator"]},
                 {"name": "b", "issuer": "https://b.example", "audience": "m", "roles": ["evaluator"], "tokenType": "at+jwt"}]
                """;
        Settings settings = Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MITFORLOB_ISSUERS", issuers));

        assertThat(settings.issuers()).extracting(TrustedIssuer::tokenType)
                .containsExactly(TrustedIssuer.TokenType.JWT, TrustedIssuer.TokenType.AT_JWT);
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MITFORLOB_ISSUERS",
                issuers.replace("at+jwt", "id"))))
                .hasMessageContaining("tokenType");
    }

    @Test
    void production_settings_without_a_mode_do_not_start_demo_mode_by_omission() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MONGODB_URI", "mongodb://db")))
                .hasMessageContaining("MITFORLOB_MODE");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_ISSUERS", ISSUERS)))
                .hasMessageContaining("MITFORLOB_MODE");
        assertThat(Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MONGODB_URI", "mongodb://db")).demo())
                .as("demo mode on a database, on purpose").isTrue();
    }

    @Test
    void production_refuses_to_start_without_a_real_mongodb() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production",
                "MITFORLOB_ISSUERS", ISSUERS, "MITFORLOB_CPR_HMAC_KEY", KEY)))
                .hasMessageContaining("MONGODB_URI");
    }

    @Test
    void production_refuses_to_start_without_trusted_issuers() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production",
                "MONGODB_URI", "mongodb://db", "MITFORLOB_CPR_HMAC_KEY", KEY)))
                .hasMessageContaining("MITFORLOB_ISSUERS");
    }

    @Test
    void production_refuses_to_start_without_its_own_cpr_key() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production",
                "MONGODB_URI", "mongodb://db", "MITFORLOB_ISSUERS", ISSUERS)))
                .hasMessageContaining("MITFORLOB_CPR_HMAC_KEY");
    }

    @Test
    void a_short_cpr_key_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_CPR_HMAC_KEY",
                Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void an_issuer_granting_several_roles_needs_a_roles_claim() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MITFORLOB_ISSUERS", """
                [{"name":"x","issuer":"https://x","audience":"a","roles":["caseworker","evaluator"],
                  "municipalityClaim":"m"}]""")))
                .hasMessageContaining("roles claim");
    }

    @Test
    void an_unknown_role_or_setting_in_an_issuer_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MITFORLOB_ISSUERS", """
                [{"name":"x","issuer":"https://x","audience":"a","roles":["admin"]}]""")))
                .hasMessageContaining("Unknown role 'admin'");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "demo", "MITFORLOB_ISSUERS", """
                [{"name":"x","issuer":"https://x","audience":"a","roles":["evaluator"],"rolesClaims":"r"}]""")))
                .hasMessageContaining("Unknown setting 'rolesClaims'");
    }

    @Test
    void a_port_that_is_not_a_number_is_refused_with_the_variable_named() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SERVER_PORT", "eighty")))
                .hasMessageContaining("SERVER_PORT");
    }
}
