package dk.mitforlob.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, as STACK.md found it works on these machines: runc (crun fails on their
 * cgroups and on setrlimit), capped ulimits, and the host network (bridge networks use private
 * address ranges that must carry no traffic here), plus the hardening flags of the issue.
 */
final class Podman {

    /** How every container of these tests runs: read-only, no capabilities, no privilege gain, 384 MB. */
    static final List<String> RUN_FLAGS = List.of("--runtime", "runc", "--ulimit", "nofile=20000:20000",
            "--ulimit", "nproc=4096:4096", "--network=host", "--read-only", "--read-only-tmpfs=false",
            "--cap-drop=ALL", "--security-opt", "no-new-privileges", "--memory", "384m");

    record Result(int exitCode, String output) {
    }

    private Podman() {
    }

    static boolean installed() {
        try {
            return run(Duration.ofSeconds(30), "--version").exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    static Result run(Duration timeout, String... arguments) {
        return run(timeout, List.of(arguments));
    }

    static Result run(Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + command);
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String check(Duration timeout, String... arguments) {
        Result result = run(timeout, arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", arguments) + " failed (" + result.exitCode()
                    + "): " + result.output());
        }
        return result.output();
    }
}
