package dk.mitforlob.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.platform.security.Role;
import dk.mitforlob.platform.security.TrustedIssuer;

/**
 * The compose stack, the Keycloak realms it imports, the issuer files of compose and Kubernetes,
 * and the Containerfile: what can be checked without pulling an image. None of it can start here
 * (no registry for mongo, keycloak, nginx or the Temurin base), deploy/README.md says how elsewhere.
 */
class ComposeAndContainerfileTest {

    private static final Path COMPOSE = Path.of("deploy/compose.yaml");
    private static final Path CONTAINERFILE = Path.of("deploy/Containerfile");
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Map<String, String> COMPOSE_SECRETS = Map.of(
            "MITFORLOB_CPR_HMAC_KEY", "dGhpcyBpcyBhIHRlc3Qga2V5IG9mIGF0IGxlYXN0IDMyIGJ5dGVz",
            "KEYCLOAK_ADMIN_PASSWORD", "not-a-real-password");

    @TempDir
    Path temporary;

    @Test
    void docker_compose_accepts_the_file_and_refuses_it_without_the_secrets_from_the_environment() {
        assumeTrue(Commands.onPath("docker-compose"), "docker-compose is not installed: compose.yaml is not validated");
        List<String> config = List.of("docker-compose", "-f", COMPOSE.toString(), "config", "-q");

        Commands.Result withSecrets = Commands.run(config, "", TIMEOUT, COMPOSE_SECRETS);
        Commands.Result withoutKey = Commands.run(config, "", TIMEOUT, Map.of("MITFORLOB_CPR_HMAC_KEY", "",
                "KEYCLOAK_ADMIN_PASSWORD", COMPOSE_SECRETS.get("KEYCLOAK_ADMIN_PASSWORD")));

        assertThat(withSecrets.exitCode()).as(withSecrets.output()).isZero();
        assertThat(withoutKey.exitCode()).isNotZero();
        assertThat(withoutKey.output()).contains("MITFORLOB_CPR_HMAC_KEY");
    }

    @Test
    void the_stack_is_a_three_member_replica_set_keycloak_and_two_instances_behind_a_load_balancer() throws IOException {
        JsonNode services = composeServices();

        List<String> members = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().path("command").toString().contains("--replSet")) {
                members.add(service.getKey());
            }
        });
        assertThat(members).containsExactly("mongo1", "mongo2", "mongo3");
        assertThat(services.path("mongo1").path("image").asText()).startsWith("docker.io/library/mongo:8");
        assertThat(services.path("mongo-init").path("restart").asText()).isEqualTo("no");
        assertThat(services.path("mongo-init").path("depends_on").size()).isEqualTo(3);
        assertThat(services.path("keycloak").path("command").toString()).contains("--import-realm");
        assertThat(services.path("keycloak").path("volumes").toString()).contains("./keycloak:/opt/keycloak/data/import");
        for (String instance : List.of("mitforlob-1", "mitforlob-2")) {
            JsonNode service = services.path(instance);
            assertThat(service.path("environment").path("MONGODB_URI").asText())
                    .contains("mongo1:27017,mongo2:27017,mongo3:27017", "replicaSet=rs0", "w=majority");
            assertThat(service.path("environment").path("MITFORLOB_MODE").asText()).isEqualTo("production");
            assertThat(service.path("read_only").asBoolean()).isTrue();
            assertThat(service.path("depends_on").path("mongo-init").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(Files.readString(Path.of("deploy/compose/nginx.conf")))
                .contains("server mitforlob-1:8080", "server mitforlob-2:8080");
    }

    /** The compose file with its anchors and merge keys ({@code <<: *mongo}) applied, as compose reads it. */
    private static JsonNode composeServices() throws IOException {
        Object loaded = new Yaml().load(Files.readString(COMPOSE));
        return new ObjectMapper().valueToTree(loaded).path("services");
    }

    @Test
    void the_keycloak_realms_put_the_claims_the_issuer_file_reads_into_tokens_for_the_service() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode citizens = json.readTree(Path.of("deploy/keycloak/citizens-realm.json").toFile());
        JsonNode employees = json.readTree(Path.of("deploy/keycloak/employees-realm.json").toFile());

        assertThat(citizens.path("realm").asText()).isEqualTo("citizens");
        assertThat(citizens.toString()).contains("\"claim.name\":\"cpr\"", "\"included.custom.audience\":\"mitforlob\"");
        assertThat(employees.path("realm").asText()).isEqualTo("employees");
        assertThat(employees.toString()).contains("\"claim.name\":\"roles\"", "\"claim.name\":\"municipality\"",
                "\"included.custom.audience\":\"mitforlob\"");
        assertThat(employees.path("roles").path("realm")).extracting(role -> role.path("name").asText())
                .containsExactlyInAnyOrder("caseworker", "evaluator", "survey-admin", "integration");
        assertThat(json.writeValueAsString(citizens) + employees).doesNotContain("\"credentials\"", "\"secret\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/base/issuers.yaml", "deploy/k8s/overlays/dev/issuers.yaml",
            "deploy/k8s/overlays/prod/issuers.yaml", "deploy/compose/issuers.yaml"})
    void the_issuer_files_are_accepted_by_the_service(String file) {
        Settings settings = Settings.fromEnvironment(Map.of("MITFORLOB_MODE", "production",
                "MONGODB_URI", "mongodb://db1,db2,db3/?replicaSet=rs0", "MITFORLOB_ISSUERS_FILE", file,
                "MITFORLOB_CPR_HMAC_KEY", COMPOSE_SECRETS.get("MITFORLOB_CPR_HMAC_KEY"), "MITFORLOB_PUSH", "log"));

        assertThat(settings.issuers()).extracting(TrustedIssuer::name).containsExactly("citizens", "employees");
        assertThat(settings.issuers().get(0).roles()).containsExactly(Role.CITIZEN);
        assertThat(settings.issuers().get(0).cprClaim()).isPresent();
        assertThat(settings.issuers().get(1).roles()).contains(Role.CASEWORKER, Role.INTEGRATION)
                .doesNotContain(Role.CITIZEN);
    }

    @Test
    void the_containerfile_passes_dockerfile_utils_lint_and_a_broken_one_does_not() throws IOException {
        Path lint = Path.of("deploy/test/node_modules/.bin/dockerfile-utils");
        assumeTrue(Files.isExecutable(lint), "the npm tools are missing (npm ci --prefix deploy/test): no lint");
        Path broken = temporary.resolve("Containerfile");
        Files.writeString(broken, Files.readString(CONTAINERFILE).replace("FROM docker.io/library/eclipse-temurin:21-jre",
                "FROM"));

        Commands.Result clean = Commands.run(List.of(lint.toString(), "lint", CONTAINERFILE.toString()), "", TIMEOUT);
        Commands.Result failing = Commands.run(List.of(lint.toString(), "lint", broken.toString()), "", TIMEOUT);

        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).isBlank();
        assertThat(failing.exitCode()).isNotZero();
        assertThat(failing.output()).contains("Instruction has no arguments");
    }

    @Test
    void the_containerfile_builds_with_maven_and_runs_the_production_jar_as_non_root_on_a_temurin_21_jre()
            throws IOException {
        List<String> lines = Files.readAllLines(CONTAINERFILE).stream().filter(line -> !line.startsWith("#")).toList();

        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).containsExactly(
                "FROM docker.io/library/maven:3.9-eclipse-temurin-21 AS build",
                "FROM docker.io/library/eclipse-temurin:21-jre");
        assertThat(lines).contains("USER 10001:10001", "VOLUME [\"/data\"]",
                "ENTRYPOINT [\"java\", \"-jar\", \"/app/mitforlob.jar\"]");
        assertThat(String.join("\n", lines)).contains("MITFORLOB_MODE=production", "MaxRAMPercentage")
                .doesNotContain("demo", "mock-oauth2");
    }
}
