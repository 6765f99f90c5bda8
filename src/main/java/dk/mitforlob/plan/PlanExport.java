package dk.mitforlob.plan;

import java.time.Instant;
import java.util.List;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.privacy.ExportSection;
import dk.mitforlob.privacy.ExportWriter;

/**
 * The plan in the citizen's export: every version, and what the citizen added (steps, comments,
 * objections). A version names the kind of author, not the employee (as the access log does).
 */
public final class PlanExport implements ExportSection {

    private static final int PAGE = 50;

    private final Plans plans;

    public PlanExport(Plans plans) {
        this.plans = plans;
    }

    /** A version as exported: the author's role only. */
    record Version(long version, Plan plan, Instant publishedAt, Author author, List<PlanChange> changes) {
        record Author(String role) {
        }

        static Version of(PlanVersion version) {
            return new Version(version.version(), version.plan(), version.publishedAt(),
                    new Author(version.author().role()), version.changes());
        }
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        PlanRecord record = plans.of(citizen);
        out.value("seenVersion", record.seenVersion());
        out.value("ownSteps", record.steps());
        out.value("comments", record.comments());
        out.value("objections", record.objections());
        out.list("versions", emit -> ExportWriter.<PlanVersion>eachPage(PAGE, last -> plans.history(citizen,
                last == null ? Long.MAX_VALUE : last.version(), PAGE), version -> emit.accept(Version.of(version))));
    }
}
