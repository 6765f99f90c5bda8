package dk.mitforlob;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.hours.PaidHours;
import dk.mitforlob.plan.Plans;
import dk.mitforlob.platform.config.Settings;
import dk.mitforlob.survey.Questionnaires;
import dk.mitforlob.survey.Rounds;
import dk.mitforlob.wishes.StatedWishes;

/**
 * Demo mode as the application reaches it. The demo package provides it through ServiceLoader
 * (its {@code META-INF/services} entry travels in the demo jar only), so a production build that
 * leaves the demo jar and the development issuer out has no demo code at all, and says so.
 */
public interface DemoModeSeam extends AutoCloseable {

    /** What ServiceLoader instantiates: a public class with a no-argument constructor. */
    interface Starter {
        DemoModeSeam start(Settings settings);
    }

    /** The demo mode of this build, if it has one. */
    static Optional<Starter> inThisBuild() {
        return ServiceLoader.load(Starter.class).findFirst();
    }

    Settings trustingDevIssuer(Settings settings);

    /** The domain services demo mode seeds its data through; a new feature with demo data adds its own. */
    record Services(Citizens citizens, Plans plans, StatedWishes wishes, PaidHours hours,
                    Questionnaires questionnaires, Rounds surveyRounds) {
    }

    /** Seeds the demo data and writes the tokens file; returns the file. */
    Path seed(Settings settings, Services services, Clock clock);

    void announce(Path tokens, int serverPort);

    @Override
    void close();
}
