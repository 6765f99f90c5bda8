package dk.mitforlob.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.plan.Activity;
import dk.mitforlob.plan.ActivityStatus;
import dk.mitforlob.plan.ActivityType;
import dk.mitforlob.plan.Contributions;
import dk.mitforlob.plan.Goal;
import dk.mitforlob.plan.GoalType;
import dk.mitforlob.plan.Meeting;
import dk.mitforlob.plan.Plan;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.plan.Plans;

/**
 * Plans for the demo people, published by their municipality's case system in two versions (so
 * there is history), with a meeting tomorrow and one next week, and some input from the citizens.
 * Seeded only where no plan exists yet, so a restart does not pile up versions.
 */
final class DemoPlans {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final PlanVersion.Author CASE_SYSTEM =
            new PlanVersion.Author(PlanVersion.Author.CASE_SYSTEM, "demo-case-system");

    private DemoPlans() {
    }

    static void seed(Plans plans, Citizen anna, Citizen bo, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), COPENHAGEN);
        if (plans.of(anna).version() == 0) {
            Plan first = annasPlan(today, false);
            plans.publish(anna, first, OptionalLong.empty(), CASE_SYSTEM, true);
            plans.publish(anna, annasPlan(today, true), OptionalLong.empty(), CASE_SYSTEM, true);
            plans.addStep(anna, "goal-retail", new Plans.StepInput("Søge to stillinger om ugen i Aalborg",
                    today.plusWeeks(4)), "demo-anna-step-1");
            plans.comment(anna, Contributions.Target.ACTIVITY, "act-placement",
                    new Plans.CommentInput("Jeg vil gerne have flere timer i praktikken, hvis det er muligt."),
                    "demo-anna-comment-1");
        }
        if (plans.of(bo).version() == 0) {
            plans.publish(bo, bosPlan(today, false), OptionalLong.empty(), CASE_SYSTEM, true);
            plans.publish(bo, bosPlan(today, true), OptionalLong.empty(), CASE_SYSTEM, true);
            plans.object(bo, "meet-next-week", new Plans.ObjectionInput(
                    "I have a hospital appointment that morning.", "Any afternoon that week"), "demo-bo-objection-1");
        }
    }

    private static Plan annasPlan(LocalDate today, boolean second) {
        var goals = List.of(
                new Goal("goal-retail", GoalType.WORK, "Job i detailhandlen",
                        "Fast job på 15-20 timer om ugen i en butik", today.plusMonths(9), List.of(
                        new Goal.SubGoal("sub-hours", "Op på 12 timer om ugen i praktik", today.plusMonths(3)),
                        new Goal.SubGoal("sub-cv", "Opdateret CV", today.plusWeeks(3)))),
                new Goal("goal-health", GoalType.EDUCATION, "Kursus i stresshåndtering",
                        "Redskaber til at klare en arbejdsuge", today.plusMonths(4), List.of()));
        var activities = List.of(
                new Activity("act-placement", ActivityType.WORK_PLACEMENT, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(today.minusWeeks(6), today.plusWeeks(7)), "Netto, Vesterbro",
                        new BigDecimal(second ? "10" : "8"), "Varemodtagelse og opfyldning", "goal-retail"),
                new Activity("act-mentor", ActivityType.MENTOR, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(today.minusWeeks(10), null), "Jobcenter Aalborg, mentorkorps",
                        new BigDecimal("1.5"), "Ugentlig samtale med mentor", "goal-retail"),
                new Activity("act-smalljob", ActivityType.SMALL_JOB, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(today.minusWeeks(7), today.plusMonths(6)), "Føtex Aalborg",
                        new BigDecimal("6"), "Småjob med lønnede timer lørdag formiddag og onsdag eftermiddag",
                        "goal-retail"),
                new Activity("act-course", ActivityType.TREATMENT, ActivityStatus.PLANNED,
                        new Activity.Period(today.plusWeeks(1), today.plusWeeks(9)), "Sundhedscenter Aalborg",
                        null, "Forløb om stress og søvn, 8 gange", "goal-health"));
        var meetings = List.of(
                meeting("meet-tomorrow", today.plusDays(1), LocalTime.of(10, 0), 45, "Jobcenter Aalborg, Kjellerups Torv 5",
                        null, "Karen Kristensen, sagsbehandler", "Opfølgning på praktikken",
                        "Tænk over, hvor mange timer du kan klare om ugen."),
                meeting("meet-next-week", today.plusWeeks(1), LocalTime.of(13, 30), 60, null,
                        "https://video.aalborg.dk/m/4711", "Rehabiliteringsteamet", "Status på ressourceforløbet",
                        second ? "Tag gerne din mentor med." : null));
        return new Plan(goals, activities, meetings, new ContactPerson("Karen Kristensen", "+45 99 31 00 00",
                "karen.kristensen@aalborg.dk", "Mandag-torsdag 9-15, fredag 9-12"));
    }

    private static Plan bosPlan(LocalDate today, boolean second) {
        var goals = List.of(new Goal("goal-warehouse", GoalType.WORK, "Job på et lager", "Truckcertifikat og job",
                today.plusMonths(8), List.of(new Goal.SubGoal("sub-truck", "Truckcertifikat B", today.plusMonths(3)))));
        var activities = List.of(
                new Activity("act-truck", ActivityType.EDUCATION, second ? ActivityStatus.IN_PROGRESS
                        : ActivityStatus.PLANNED, new Activity.Period(today.minusWeeks(1), today.plusWeeks(5)),
                        "AMU Hovedstaden", new BigDecimal("30"), "Truckcertifikat B", "goal-warehouse"),
                new Activity("act-wage", ActivityType.WAGE_SUBSIDY, ActivityStatus.PLANNED,
                        new Activity.Period(today.plusWeeks(6), today.plusMonths(6)), "PostNord Brøndby",
                        new BigDecimal("25"), "Løntilskud på lageret", "goal-warehouse"),
                new Activity("act-health", ActivityType.TREATMENT, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(today.minusMonths(2), null), "Egen læge", null,
                        "Fysioterapi for ryggen", null));
        var meetings = List.of(
                meeting("meet-tomorrow", today.plusDays(1), LocalTime.of(9, 0), 30, null,
                        "https://video.kk.dk/m/0042", "Peter Poulsen, jobkonsulent", "Start på truckkurset", null),
                meeting("meet-next-week", today.plusWeeks(1), LocalTime.of(11, 0), 60,
                        "Jobcenter København, Gyldenløvesgade 11", null, "Peter Poulsen, jobkonsulent",
                        "Plan for løntilskud", "Tag dit CV med."));
        return new Plan(goals, activities, meetings, new ContactPerson("Peter Poulsen", "+45 33 66 33 66",
                "peter.poulsen@kk.dk", "Monday-Friday 8-14"));
    }

    private static Meeting meeting(String id, LocalDate day, LocalTime time, int minutes, String place, String video,
                                   String withWhom, String purpose, String preparation) {
        ZonedDateTime start = day.atTime(time).atZone(COPENHAGEN);
        return new Meeting(id, start.toInstant(), start.plusMinutes(minutes).toInstant(), place, video, withWhom,
                purpose, preparation, false);
    }
}
