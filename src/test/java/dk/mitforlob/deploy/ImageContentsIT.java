package dk.mitforlob.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the images built by {@code make image} hold, read from their layers: the production image
 * has no demo code at all; both run as a non-root user without a shell, and the only path that
 * user can write is the data directory.
 */
class ImageContentsIT {

    /** Anything that belongs to demo mode: its classes, its ServiceLoader entry, the development issuer, demo data. */
    static final Predicate<String> DEMO = path -> path.contains("dk/mitforlob/demo/")
            || path.contains("META-INF/services/dk.mitforlob.DemoModeSeam")
            || path.matches(".*/mock-oauth2-server[^/]*\\.jar") || path.contains("no/nav/security/mock/")
            || path.endsWith("demo-tokens.json") || path.endsWith(".mv.db") || path.startsWith("/app/demo");

    private static ImageArchive production;
    private static ImageArchive demo;

    @BeforeAll
    static void readImages() {
        production = ImageArchive.read(tar("mitforlob.image.tar"));
        demo = ImageArchive.read(tar("mitforlob.demo.image.tar"));
    }

    static Path tar(String property) {
        Path tar = Path.of(System.getProperty(property, "target/missing-" + property));
        assertThat(tar).as("built by the image profile (make image)").exists();
        return tar;
    }

    @Test
    void the_production_image_holds_no_demo_code_no_development_issuer_and_no_demo_data() {
        assertThat(production.allPaths()).as("demo files in the production image").noneMatch(DEMO);
        assertThat(String.join(" ", production.entrypoint())).doesNotContain("/app/demo");
        assertThat(production.containerConfig().path("Env").toString()).contains("MITFORLOB_MODE=production");
    }

    @Test
    void the_demo_image_adds_demo_mode_and_the_development_issuer_which_the_check_above_would_see() {
        assertThat(demo.allPaths()).anyMatch(path -> path.endsWith("dk/mitforlob/demo/DevIssuer.class"))
                .anyMatch(path -> path.matches("/app/demo/mock-oauth2-server-[0-9.]+\\.jar"))
                .anyMatch(path -> path.endsWith("META-INF/services/dk.mitforlob.DemoModeSeam$Starter"));
        assertThat(demo.allPaths()).filteredOn(DEMO).as("demo files outside /app/demo")
                .filteredOn(path -> !path.startsWith("/app/demo")).isEmpty();
        assertThat(String.join(" ", demo.entrypoint())).contains("/app/demo/*");
    }

    @Test
    void the_service_code_and_its_libraries_are_the_same_in_both_images() {
        assertThat(demo.layers).as("shared layers").containsAll(production.layers.subList(0, 2));
    }

    @Test
    void both_run_as_a_non_root_user_with_no_shell_and_no_setuid_programs() {
        for (ImageArchive image : List.of(production, demo)) {
            assertThat(image.containerConfig().path("User").asText()).isEqualTo("10001:10001");
            assertThat(image.allPaths()).noneMatch(path -> path.matches("/(usr/)?s?bin(/.*)?"))
                    .noneMatch(path -> path.matches(".*/(sh|bash|dash|ash|busybox)"));
            assertThat(image.files).noneMatch(file -> (file.mode() & 06000) != 0);
            assertThat(image.allPaths()).contains("/etc/passwd", "/opt/java/bin/java", "/lib64/ld-linux-x86-64.so.2");
        }
    }

    @Test
    void the_data_directory_is_the_only_path_the_service_user_can_write() {
        for (ImageArchive image : List.of(production, demo)) {
            // every file belongs to root (Jib writes uid 0), so only what is writable by others is writable by 10001
            assertThat(image.files).filteredOn(file -> (file.mode() & 0002) != 0)
                    .extracting(ImageArchive.File::path).containsExactly("/data");
            assertThat(image.containerConfig().path("Volumes").has("/data")).isTrue();
            assertThat(image.containerConfig().path("Env").toString()).contains("MITFORLOB_DATA_DIR=/data");
        }
    }

    @Test
    void the_jvm_sizes_its_heap_from_the_container_memory_limit_and_exits_on_out_of_memory() {
        for (ImageArchive image : List.of(production, demo)) {
            assertThat(image.entrypoint()).startsWith("/opt/java/bin/java")
                    .contains("-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.io.tmpdir=/data")
                    .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                    .noneMatch(flag -> flag.startsWith("-Xmx"));
            assertThat(image.entrypoint().getLast()).isEqualTo("dk.mitforlob.Main");
        }
    }

    @Test
    void the_runtime_is_jlinked_small_and_the_images_stay_below_a_size_budget() throws Exception {
        assertThat(production.allPaths()).contains("/opt/java/lib/modules")
                .noneMatch(path -> path.startsWith("/opt/java/jmods") || path.endsWith("/bin/javac"));
        long productionBytes = Files.size(tar("mitforlob.image.tar"));
        long demoBytes = Files.size(tar("mitforlob.demo.image.tar"));
        System.out.printf("Image sizes (compressed layers): production %d MB, demo %d MB%n",
                productionBytes / 1_000_000, demoBytes / 1_000_000);
        assertThat(productionBytes).as("production image, compressed").isLessThan(160_000_000L);
    }
}
