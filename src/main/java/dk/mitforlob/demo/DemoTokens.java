package dk.mitforlob.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.mitforlob.platform.json.Json;

/** Ready-to-use access tokens for the demo people, written where the README says. */
final class DemoTokens {

    static final String FILE_NAME = "demo-tokens.json";
    private static final long VALID_SECONDS = Duration.ofHours(24).toSeconds();

    private DemoTokens() {
    }

    static Path write(DevIssuer issuer, Path dataDir) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("citizen-anna", issuer.token(DevIssuer.CITIZENS, DemoPeople.ANNA_SUBJECT,
                Map.of("cpr", DemoPeople.ANNA_CPR, "name", DemoPeople.ANNA_NAME), VALID_SECONDS));
        tokens.put("citizen-bo", issuer.token(DevIssuer.CITIZENS, DemoPeople.BO_SUBJECT,
                Map.of("cpr", DemoPeople.BO_CPR, "name", DemoPeople.BO_NAME), VALID_SECONDS));
        tokens.put("caseworker-851", issuer.token(DevIssuer.EMPLOYEES, DemoPeople.CASEWORKER_851.id(),
                Map.of("roles", List.of("caseworker"), "municipality", "851",
                        "name", DemoPeople.CASEWORKER_851.name()), VALID_SECONDS));
        tokens.put("caseworker-101", issuer.token(DevIssuer.EMPLOYEES, DemoPeople.CASEWORKER_101.id(),
                Map.of("roles", List.of("caseworker"), "municipality", "101",
                        "name", DemoPeople.CASEWORKER_101.name()), VALID_SECONDS));
        tokens.put("integration-851", issuer.token(DevIssuer.INTEGRATIONS, "case-system-851",
                Map.of("municipality", "851"), VALID_SECONDS));
        tokens.put("evaluator", issuer.token(DevIssuer.EMPLOYEES, "evaluator-demo",
                Map.of("roles", List.of("evaluator"), "name", "Eva Evaluator"), VALID_SECONDS));
        tokens.put("survey-admin", issuer.token(DevIssuer.EMPLOYEES, "survey-admin-demo",
                Map.of("roles", List.of("survey-admin"), "name", "Sune Surveyadmin"), VALID_SECONDS));
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
            Path temporary = Files.createTempFile(dataDir, "demo-tokens", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the file is still only demo tokens
            }
            Files.write(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tokens));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo tokens to " + dataDir, e);
        }
    }
}
