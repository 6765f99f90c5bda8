package dk.mitforlob.demo;

import java.nio.file.Path;
import java.time.Clock;

import dk.mitforlob.DemoModeSeam;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.wishes.StatedWishes;

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
            public Path seed(Settings current, Citizens citizens, Plans plans, StatedWishes wishes, PaidHours hours,
                             Clock clock) {
                return demo.seed(current, citizens, plans, wishes, hours, clock);
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
