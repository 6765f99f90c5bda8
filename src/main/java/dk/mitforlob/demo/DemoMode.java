package dk.mitforlob.demo;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;

import dk.mitforlob.DemoModeSeam;
import dk.mitforlob.platform.config.Settings;

/** Everything demo mode adds: the development issuer, the demo people and data, and their tokens. */
public final class DemoMode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DemoMode.class.getName());

    private final DevIssuer issuer;

    private DemoMode(DevIssuer issuer) {
        this.issuer = issuer;
    }

    /** Starts the development issuer; refuses outside demo mode. */
    public static DemoMode start(Settings settings) {
        return new DemoMode(DevIssuer.start(settings));
    }

    /** The settings with the development issuers trusted in addition to any configured ones. */
    public Settings trustingDevIssuer(Settings settings) {
        return settings.withIssuers(issuer.trustedIssuers());
    }

    /** Seeds the demo data and writes the tokens file; returns the file. */
    public Path seed(Settings settings, DemoModeSeam.Services services, Clock clock) {
        DemoData.Seeded people = DemoData.seed(services.citizens());
        DemoPlans.seed(services.plans(), people.anna(), people.bo(), clock);
        DemoWishes.seed(services.wishes(), people.anna(), people.bo());
        DemoHours.seed(services.hours(), people.anna(), people.bo());
        DemoCohort.seed(services.citizens(), services.hours(), clock);
        // the standard questionnaire and this month's round for both demo people
        DemoSurvey.seed(services.questionnaires(), services.surveyRounds(), clock);
        return DemoTokens.write(issuer, settings.dataDir());
    }

    /** Tells the person at the terminal where the tokens are and how to use one. */
    public static void announce(Path tokens, int serverPort) {
        LOG.log(Level.INFO, "Demo mode: access tokens for the demo people (valid 24 h) are in " + tokens);
        LOG.log(Level.INFO, "Try: curl -H \"Authorization: Bearer $(jq -r '.\"citizen-anna\"' " + tokens + ")\" "
                + "http://localhost:" + serverPort + "/api/v1/me");
    }

    @Override
    public void close() {
        issuer.close();
    }
}
