package dk.mitforlob.demo;

import java.nio.file.Path;
import java.time.Clock;

import dk.mitforlob.DemoModeSeam;
import dk.mitforlob.platform.config.Settings;

/** How the application finds {@link DemoMode} (listed in META-INF/services, shipped in the demo jar only). */
public final class DemoModeStarter implements DemoModeSeam.Starter {

    @Override
    public DemoModeSeam start(Settings settings) {
        DemoMode demo = DemoMode.start(settings);
        return new DemoModeSeam() {
            @Override
            public Settings trustingDevIssuer(Settings current) {
                return demo.trustingDevIssuer(current);
            }

            @Override
            public Path seed(Settings current, Services services, Clock clock) {
                return demo.seed(current, services, clock);
            }

            @Override
            public void announce(Path tokens, int serverPort) {
                DemoMode.announce(tokens, serverPort);
            }

            @Override
            public void close() {
                demo.close();
            }
        };
    }
}
