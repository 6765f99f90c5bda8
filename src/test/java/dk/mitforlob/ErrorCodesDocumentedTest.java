package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every problem code the service can answer with is documented for the app team. */
class ErrorCodesDocumentedTest {

    /** The code argument of Rejection factories and constructors. */
    private static final Pattern CODE = Pattern.compile(
            "(?:Rejection\\.(?:badRequest|notFound|forbidden|conflict|unprocessable)|notFound)\\(\\s*\"([a-z0-9-]+)\""
                    + "|new Rejection\\(\\s*Rejection\\.Kind\\.\\w+,\\s*\"([a-z0-9-]+)\"");

    @Test
    void every_code_in_the_source_is_in_the_mobile_contract() throws IOException {
        Set<String> codes = new TreeSet<>(Set.of("validation-failed"));
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        String contract = Files.readString(Path.of("mobile-contract", "README.md"));

        assertThat(codes).hasSizeGreaterThan(20);
        assertThat(codes).allSatisfy(code -> assertThat(contract).contains("`" + code + "`"));
    }
}
