package dk.mitforlob.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.mitforlob.platform.config.Settings;

/** Which issuer and client the console signs in with, from the service's settings and the console's own. */
class ConsoleConfigurationTest {

    private static final String EMPLOYEES = "https://idp.kommune.example.dk";
    private static final String RESEARCH = "https://idp.research.example.dk";
    private static final String CITIZENS = "https://broker.example.dk/citizens";

    private static Settings production(String... issuers) {
        return Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production", "MONGODB_URI", "mongodb://127.0.0.1:1",
                "MITFORLOB_CPR_HMAC_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "MITFORLOB_ISSUERS", "[" + String.join(",", issuers) + "]", "MITFORLOB_PUSH", "log"));
    }

    private static String employees(String issuer, String roles) {
        return "{\"name\": \"e-" + issuer.length() + "\", \"issuer\": \"" + issuer + "\", \"audience\": \"mitforlob\","
                + " \"roles\": " + roles + ", \"rolesClaim\": \"roles\", \"municipalityClaim\": \"municipality\"}";
    }

    private static String citizens() {
        return "{\"name\": \"citizens\", \"issuer\": \"" + CITIZENS + "\", \"audience\": \"mitforlob\","
                + " \"roles\": [\"citizen\"], \"cprClaim\": \"cpr\"}";
    }

    private static ConsoleSettings console(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return ConsoleSettings.fromEnvironment(env);
    }

    @Test
    void production_without_a_client_id_leaves_the_console_off() {
        Settings settings = production(citizens(), employees(EMPLOYEES, "[\"caseworker\", \"evaluator\"]"));

        assertThat(Console.configure(settings, console())).isEmpty();
    }

    @Test
    void production_signs_in_at_the_one_issuer_that_grants_employee_roles() {
        Settings settings = production(citizens(), employees(EMPLOYEES, "[\"caseworker\", \"evaluator\", \"survey-admin\"]"));

        ConsoleConfig config = Console.configure(settings, console("MITFORLOB_CONSOLE_CLIENT_ID", "console-prod"))
                .orElseThrow();

        assertThat(config.issuer()).isEqualTo(EMPLOYEES);
        assertThat(config.clientId()).isEqualTo("console-prod");
        assertThat(config.scope()).isEqualTo("openid");
        assertThat(config.roles()).containsExactly("caseworker", "evaluator");
        assertThat(config.rolesClaim()).contains("roles");
        assertThat(config.municipalityClaim()).contains("municipality");
        assertThat(config.demo()).isFalse();
        assertThat(config.municipalities()).hasSize(98).containsEntry("851", "Aalborg").containsEntry("101", "København");
    }

    @Test
    void with_several_employee_issuers_the_console_issuer_must_be_named() {
        Settings settings = production(employees(EMPLOYEES, "[\"caseworker\"]"), employees(RESEARCH, "[\"evaluator\"]"));

        assertThatThrownBy(() -> Console.configure(settings, console("MITFORLOB_CONSOLE_CLIENT_ID", "c")))
                .hasMessageContaining("Set MITFORLOB_CONSOLE_ISSUER");
        ConsoleConfig named = Console.configure(settings, console("MITFORLOB_CONSOLE_CLIENT_ID", "c",
                "MITFORLOB_CONSOLE_ISSUER", RESEARCH + "/")).orElseThrow();
        assertThat(named.issuer()).as("the trusted issuer's exact iss").isEqualTo(RESEARCH);
        assertThat(named.roles()).containsExactly("evaluator");
    }

    @Test
    void an_issuer_that_grants_no_employee_role_is_refused() {
        Settings settings = production(citizens(), employees(EMPLOYEES, "[\"caseworker\"]"));

        assertThatThrownBy(() -> Console.configure(settings, console("MITFORLOB_CONSOLE_CLIENT_ID", "c",
                "MITFORLOB_CONSOLE_ISSUER", CITIZENS))).hasMessageContaining("MITFORLOB_CONSOLE_ISSUER");
    }

    @Test
    void an_issuer_without_a_client_id_is_refused() {
        Settings settings = production(employees(EMPLOYEES, "[\"caseworker\"]"));

        assertThatThrownBy(() -> Console.configure(settings, console("MITFORLOB_CONSOLE_ISSUER", EMPLOYEES)))
                .hasMessageContaining("MITFORLOB_CONSOLE_CLIENT_ID");
    }

    @Test
    void demo_mode_trusting_several_employee_issuers_leaves_the_console_off_unless_told_which() {
        Settings demo = Settings.fromEnvironment(Map.of()).withIssuers(production(
                employees(EMPLOYEES, "[\"caseworker\"]"), employees(RESEARCH, "[\"evaluator\"]")).issuers());

        assertThat(Console.configure(demo, console())).isEmpty();
        assertThat(Console.configure(demo, console("MITFORLOB_CONSOLE_ISSUER", EMPLOYEES)).orElseThrow().issuer())
                .isEqualTo(EMPLOYEES);
    }

    @Test
    void demo_mode_uses_the_development_issuer_and_the_demo_client() {
        Settings demo = Settings.fromEnvironment(Map.of()).withIssuers(production(
                employees(EMPLOYEES, "[\"caseworker\", \"evaluator\"]")).issuers());

        ConsoleConfig config = Console.configure(demo, console()).orElseThrow();

        assertThat(config.clientId()).isEqualTo(ConsoleSettings.DEMO_CLIENT_ID);
        assertThat(config.demo()).isTrue();
    }

    @Test
    void console_settings_are_parsed_strictly() {
        assertThatThrownBy(() -> console("MITFORLOB_CONSOLE_SCOPE", "profile email"))
                .hasMessageContaining("openid");
        assertThatThrownBy(() -> console("MITFORLOB_CONSOLE_SCOPE", "openid  profile"))
                .hasMessageContaining("single spaces");
        assertThatThrownBy(() -> console("MITFORLOB_CONSOLE_CLIENT_ID", "two words"))
                .hasMessageContaining("MITFORLOB_CONSOLE_CLIENT_ID");
        assertThatThrownBy(() -> console("MITFORLOB_CONSOLE_ISSUER", "idp.example.dk"))
                .hasMessageContaining("http(s) URL");
        assertThat(console("MITFORLOB_CONSOLE_SCOPE", "openid api://mitforlob/.default").scope())
                .isEqualTo("openid api://mitforlob/.default");
        assertThat(console().issuer()).isEqualTo(Optional.empty());
        assertThat(List.of(console().scope())).containsExactly("openid");
    }
}
