package dk.mitforlob.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s renders with {@code kubectl kustomize} and every object passes schema validation
 * (kubernetes-models + ajv, deploy/test/validate-k8s.mjs) and the rules the manifests promise;
 * the validator itself fails on what it must catch. Skipped, with the reason, without kubectl
 * (kustomize v4 or newer) or without the npm tools (make test installs them).
 */
class KubernetesManifestsTest {

    private static final Path VALIDATOR = Path.of("deploy/test/validate-k8s.mjs");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(Commands.onPath("kubectl"), "kubectl is not installed: the Kubernetes manifests are not checked");
        String version = Commands.run(List.of("kubectl", "version", "--client"), "", TIMEOUT).output();
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)").matcher(version);
        assumeTrue(kustomize.find() && Integer.parseInt(kustomize.group(1)) >= 4,
                "kubectl bundles no kustomize v4 or newer (" + version.strip() + "): the manifests are not checked");
        assumeTrue(Commands.onPath("node") && Files.isDirectory(Path.of("deploy/test/node_modules/kubernetes-models")),
                "node or the npm tools are missing (npm ci --prefix deploy/test): the manifests are not checked");
    }

    static String render(String overlay) {
        Commands.Result rendered = Commands.run(List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay), "",
                TIMEOUT);
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        return rendered.output();
    }

    static Commands.Result validate(String manifests) {
        return Commands.run(List.of("node", VALIDATOR.toString()), manifests, TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_overlay_renders_and_every_object_passes_its_schema_and_the_deployment_rules(String overlay) {
        Commands.Result result = validate(render(overlay));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("10 objects, 0 problems");
    }

    @Test
    void a_deployment_without_a_startup_probe_fails() {
        Commands.Result result = validate(render("prod").replace("startupProbe:", "startupProbeLeftOut:"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Deployment/mitforlob: container mitforlob has no startupProbe");
    }

    @Test
    void an_unknown_kind_fails() {
        String typo = "---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: typo\n";

        Commands.Result result = validate(render("dev") + typo);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("unknown kind Deploymnet");
    }

    @Test
    void a_field_of_the_wrong_type_fails_schema_validation() {
        Commands.Result result = validate(render("prod").replace("replicas: 3", "replicas: three"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("spec/replicas must be integer");
    }

    @Test
    void a_secret_written_into_the_manifests_or_a_literal_key_fails() {
        String secret = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\ndata:\n  key: c2VjcmV0\n";
        String literal = render("dev").replaceFirst("(?s)- name: MITFORLOB_CPR_HMAC_KEY\n(\\s+)valueFrom:.*?key: key\n",
                "- name: MITFORLOB_CPR_HMAC_KEY\n$1value: c2VjcmV0\n");

        assertThat(validate(render("dev") + secret).output()).contains("Secret/leaked: a Secret in the manifests");
        assertThat(validate(literal).output()).contains("MITFORLOB_CPR_HMAC_KEY has a literal value");
    }

    @Test
    void the_mongodb_connection_secret_must_be_wired_into_the_deployment() {
        Commands.Result result = validate(render("prod").replace("name: mitforlob-mongodb-connection",
                "name: some-other-secret"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("is not wired into the Deployment");
    }
}
