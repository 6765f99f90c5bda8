package dk.mitforlob.platform.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Log lines on standard output, one per event, each with the request id of the request it belongs
 * to: key-value text for people at a terminal, JSON for log collectors in production.
 */
public final class Logging {

    private static final String TEXT_FORMAT =
            "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.%1$tL%1$tz %4$s %3$s [%X{requestId}] %5$s%6$s%n";
    private static final String JSON_FIELDS = "time:%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.%1$tL%1$tz,level:%4$s,"
            + "logger:%3$s,requestId:%X{requestId},message:%5$s,exception:%6$s";

    private Logging() {
    }

    public static void configure(Settings.LogFormat format) {
        String handler = "io.helidon.logging.jul.HelidonConsoleHandler";
        StringBuilder properties = new StringBuilder()
                .append("handlers=").append(handler).append('\n')
                .append(".level=INFO\n")
                .append(handler).append(".level=ALL\n")
                // Chatty third parties: their warnings matter, their progress reports do not.
                .append("org.mongodb.driver.level=WARNING\n")
                .append("de.bwaldvogel.level=WARNING\n")
                // the embedded store warns of every secondary index it cannot build; expected there
                .append("de.bwaldvogel.mongo.backend.AbstractMongoDatabase.level=SEVERE\n")
                .append("io.helidon.cors.level=WARNING\n")
                .append("no.nav.security.level=WARNING\n")
                .append("mockwebserver3.level=WARNING\n")
                .append("okhttp3.level=WARNING\n")
                .append("io.helidon.common.features.level=WARNING\n")
                .append("com.google.auth.level=WARNING\n");
        if (format == Settings.LogFormat.JSON) {
            properties.append(handler).append(".formatter=io.helidon.logging.jul.HelidonJsonFormatter\n")
                    .append("io.helidon.logging.jul.HelidonJsonFormatter.fields=").append(JSON_FIELDS).append('\n');
        } else {
            properties.append(handler).append(".formatter=io.helidon.logging.jul.HelidonFormatter\n")
                    .append("java.util.logging.SimpleFormatter.format=").append(TEXT_FORMAT).append('\n');
        }
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(properties.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
