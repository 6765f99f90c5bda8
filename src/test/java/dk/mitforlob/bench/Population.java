package dk.mitforlob.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dk.mitforlob.BenchAccess;
import dk.mitforlob.citizen.CaseworkerRef;
import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.citizen.ContactPerson;
import dk.mitforlob.citizen.Enrollment;
import dk.mitforlob.citizen.Language;
import dk.mitforlob.citizen.MongoCitizenRepository;
import dk.mitforlob.citizen.Programme;
import dk.mitforlob.evaluation.MongoEnrollments;
import dk.mitforlob.hours.Employer;
import dk.mitforlob.hours.HoursEntry;
import dk.mitforlob.hours.HoursMonth;
import dk.mitforlob.hours.MongoHoursRepository;
import dk.mitforlob.hours.MongoMonthlyHours;
import dk.mitforlob.inbox.MongoInbox;
import dk.mitforlob.inbox.MongoOutbox;
import dk.mitforlob.plan.Activity;
import dk.mitforlob.plan.ActivityStatus;
import dk.mitforlob.plan.ActivityType;
import dk.mitforlob.plan.Goal;
import dk.mitforlob.plan.GoalType;
import dk.mitforlob.plan.Meeting;
import dk.mitforlob.plan.MongoPlanRepository;
import dk.mitforlob.plan.Plan;
import dk.mitforlob.plan.PlanChanges;
import dk.mitforlob.plan.PlanVersion;
import dk.mitforlob.platform.reference.Municipalities;
import dk.mitforlob.platform.security.CprHmac;
import dk.mitforlob.platform.storage.MongoStore;
import dk.mitforlob.testing.Parallel;
import dk.mitforlob.wishes.Interests;
import dk.mitforlob.wishes.MongoWishesRepository;
import dk.mitforlob.wishes.MongoWishesRollup;
import dk.mitforlob.wishes.Wish;
import dk.mitforlob.wishes.WishType;
import dk.mitforlob.wishes.Wishes;
import dk.mitforlob.wishes.WishesChange;
import dk.mitforlob.wishes.WishesVersion;

/**
 * The benchmark's population, made with the service's own code: citizens enrolled through
 * {@link Citizens} (so the evaluators' enrollment roll-up is written as in production), plans,
 * wishes and paid hours built with the domain's own rules ({@link HoursMonth#register} checks the
 * 24-hour day and the window as a registration does) and written by the repositories in bulk, as
 * the start-up migration writes. Through the API it would take hours on this machine.
 *
 * <p>Every citizen is enrolled 13 months before today across the 98 municipalities, 70 % in
 * aktivitetsparat kontanthjælp and 30 % in ressourceforløb, with a plan of 20 versions, wishes in
 * 3 versions and a year of paid hours on Mondays, Wednesdays and Fridays (one in twenty corrected,
 * one in fifty withdrawn). A few more have three years of hours, and a few have nothing yet.
 */
final class Population {

    static final int PLAN_VERSIONS = 20;
    static final int WISHES_VERSIONS = 3;
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** Seeding threads: several clients writing at once, as in production. */
    private static final int THREADS = 4;
    private static final Employer[] EMPLOYERS = {new Employer("Netto", "35954716"),
            new Employer("Føtex", "12345674"), new Employer("Café Nørrebro", null)};
    private static final List<DayOfWeek> WORKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

    /** A citizen of the population as the load generators use them. */
    record Person(String citizenId, String municipality, String cpr) {
    }

    record Seeded(List<Person> everyone, List<Person> longHistory, List<Person> newcomers, Map<String, Long> phaseMillis,
                  long registrations) {
    }

    private final MongoStore store;
    private final LocalDate today;
    private final Citizens citizens;
    private final MongoPlanRepository plans;
    private final MongoWishesRepository wishes;
    private final MongoHoursRepository hours;
    private final List<String> municipalities = IntStream.range(100, 1000).mapToObj(Integer::toString)
            .filter(Municipalities::exists).toList();

    Population(MongoStore store, byte[] cprKey, Clock clock) {
        this.store = store;
        this.today = LocalDate.ofInstant(clock.instant(), COPENHAGEN);
        Instant enrolled = today.minusMonths(13).withDayOfMonth(1).atStartOfDay(COPENHAGEN).toInstant();
        this.citizens = new Citizens(new MongoCitizenRepository(store), new CprHmac(cprKey),
                Clock.fixed(enrolled, ZoneOffset.UTC));
        citizens.onEnrollment(new MongoEnrollments(store)::record);
        MongoOutbox outbox = new MongoOutbox(new MongoInbox(store), store, clock);
        this.plans = new MongoPlanRepository(store, outbox);
        this.wishes = new MongoWishesRepository(store, outbox, new MongoWishesRollup(store));
        this.hours = new MongoHoursRepository(store, outbox, new MongoMonthlyHours(store));
    }

    Seeded seed(int size, int longHistory, int newcomers) throws Exception {
        Map<String, Long> phases = new LinkedHashMap<>();
        long started = System.nanoTime();
        List<Person> everyone = Parallel.map(THREADS,
                IntStream.range(0, size + longHistory + newcomers).boxed().toList(),
                this::enroll);
        phases.put("enroll citizens", millisSince(started));
        List<Person> regular = everyone.subList(0, size);
        List<Person> longOnes = everyone.subList(size, size + longHistory);
        List<Person> newOnes = everyone.subList(size + longHistory, everyone.size());

        started = System.nanoTime();
        Parallel.map(THREADS, everyone.subList(0, size + longHistory), person -> {
            plans.importPlan(person.citizenId(), person.municipality(), planHistory(person));
            wishes.importHistory(person.citizenId(), person.municipality(), wishesHistory(person));
            return person;
        });
        phases.put("plans (20 versions) and wishes (3 versions)", millisSince(started));

        started = System.nanoTime();
        long registrations = 0;
        List<List<Person>> batches = new ArrayList<>();
        for (int i = 0; i < size + longHistory; i += 50) {
            batches.add(everyone.subList(i, Math.min(size + longHistory, i + 50)));
        }
        for (long count : Parallel.map(THREADS, batches, batch -> {
            List<HoursMonth> months = new ArrayList<>();
            for (Person person : batch) {
                months.addAll(hoursHistory(person, longOnes.contains(person) ? 3 : 1));
            }
            hours.importMonths(months);
            return months.stream().mapToLong(m -> m.registrations().size()).sum();
        })) {
            registrations += count;
        }
        phases.put("paid hours", millisSince(started));
        // written in today's shape: the start-up migration would only look through it all for nothing
        store.collection("migrations").insertOne(new org.bson.Document("_id", BenchAccess.storageMigration())
                .append("state", "done"));
        return new Seeded(regular, longOnes, newOnes, phases, registrations);
    }

    private Person enroll(int i) {
        String municipality = municipalities.get(i % municipalities.size());
        LocalDate birthday = LocalDate.of(1960, 1, 1).plusDays(i % 14_000);
        String cpr = String.format("%02d%02d%02d-%04d", birthday.getDayOfMonth(), birthday.getMonthValue(),
                birthday.getYear() % 100, 1000 + i / 14_000);
        Programme programme = i % 10 < 7 ? Programme.ACTIVITY_READY_CASH_BENEFIT : Programme.RESOURCE_PROGRAMME;
        Citizen citizen = citizens.enroll(municipality, "BENCH-" + i, new Enrollment(cpr, "Borger " + i, programme,
                new CaseworkerRef("cw-" + municipality, "Sagsbehandler " + municipality),
                new ContactPerson("Sagsbehandler " + municipality, "+45 70 00 00 00", "jobcenter@example.dk",
                        "Mandag-fredag 9-15"), Language.DA)).citizen();
        return new Person(citizen.id(), municipality, cpr);
    }

    /** Twenty versions published a fortnight apart, each changing a little, as a case system's plan does. */
    private List<PlanVersion> planHistory(Person person) {
        List<PlanVersion> history = new ArrayList<>();
        Plan previous = Plan.empty();
        Instant first = today.minusWeeks(2L * PLAN_VERSIONS).atStartOfDay(COPENHAGEN).toInstant();
        for (int v = 1; v <= PLAN_VERSIONS; v++) {
            Plan plan = plan(v);
            history.add(new PlanVersion(v, plan, first.plusSeconds(14L * 86_400 * (v - 1)),
                    new PlanVersion.Author(PlanVersion.Author.CASE_SYSTEM, "case-system-" + person.municipality()),
                    PlanChanges.between(previous, plan)));
            previous = plan;
        }
        return history;
    }

    private Plan plan(int version) {
        LocalDate start = today.minusMonths(6);
        List<Goal> goals = List.of(
                new Goal("goal-work", GoalType.WORK, "Job i detailhandlen", "Fast job på 15-20 timer om ugen",
                        today.plusMonths(9), List.of(new Goal.SubGoal("sub-cv", "Opdateret CV", today.plusMonths(1)))),
                new Goal("goal-course", GoalType.EDUCATION, "Kursus i kundeservice", null, today.plusMonths(4),
                        List.of()));
        List<Activity> activities = List.of(
                new Activity("act-placement", ActivityType.WORK_PLACEMENT, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(start, today.plusMonths(3)), "Netto", BigDecimal.valueOf(6 + version % 8),
                        "Varemodtagelse", "goal-work"),
                new Activity("act-smalljob", ActivityType.SMALL_JOB, ActivityStatus.IN_PROGRESS,
                        new Activity.Period(start, null), "Føtex", new BigDecimal("6"), "Lønnede timer", "goal-work"),
                new Activity("act-mentor", ActivityType.MENTOR, version > 10 ? ActivityStatus.COMPLETED
                        : ActivityStatus.IN_PROGRESS, new Activity.Period(start, null), "Mentorkorps", null, null,
                        null));
        List<Meeting> meetings = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            Instant at = today.plusWeeks(m + 1L).atTime(LocalTime.of(9 + (version + m) % 6, 0)).atZone(COPENHAGEN)
                    .toInstant();
            meetings.add(new Meeting("meet-" + m, at, at.plusSeconds(3600), "Jobcentret", null, "Sagsbehandler",
                    "Opfølgning " + (m + 1), version % 3 == 0 ? "Tag dit CV med" : null, false));
        }
        return new Plan(goals, activities, meetings, new ContactPerson("Sagsbehandler", "+45 70 00 00 00", null, null));
    }

    private List<WishesVersion> wishesHistory(Person person) {
        List<WishesVersion> history = new ArrayList<>();
        Wishes previous = Wishes.none();
        List<String> occupations = List.of("52", "91", "83", "93", "41", "51");
        int seed = Math.abs(person.citizenId().hashCode());
        for (int v = 1; v <= WISHES_VERSIONS; v++) {
            List<Wish> chosen = new ArrayList<>();
            WishType[] types = WishType.values();
            for (int w = 0; w < 1 + (seed + v) % 3; w++) {
                chosen.add(new Wish(types[(seed + w * 3 + v) % (types.length - 1)], null));
            }
            Wishes next = new Wishes(new Interests(List.of(occupations.get((seed + v) % occupations.size())), null),
                    chosen.stream().distinct().toList(), BigDecimal.valueOf(10 + v), null, null).canonical();
            history.add(new WishesVersion(v, next, today.minusMonths(WISHES_VERSIONS - v).atStartOfDay(COPENHAGEN)
                    .toInstant(), WishesChange.between(previous, next)));
            previous = next;
        }
        return history;
    }

    /** Registrations on Mondays, Wednesdays and Fridays for {@code years} up to yesterday, month by month. */
    private List<HoursMonth> hoursHistory(Person person, int years) {
        Map<YearMonth, HoursMonth> months = new LinkedHashMap<>();
        int n = 0;
        for (LocalDate day = today.minusYears(years); day.isBefore(today); day = day.plusDays(1)) {
            if (!WORKDAYS.contains(day.getDayOfWeek())) {
                continue;
            }
            n++;
            HoursMonth before = months.computeIfAbsent(YearMonth.from(day), m -> HoursMonth.empty(person.citizenId(),
                    person.municipality(), m));
            Instant at = day.atTime(18, 0).atZone(COPENHAGEN).toInstant();
            String id = person.citizenId() + "-" + day;
            HoursEntry entry = new HoursEntry(day, EMPLOYERS[n % EMPLOYERS.length], 12 + (n % 5) * 4,
                    n % 4 == 0 ? "Vagt i butikken" : null, "act-smalljob");
            HoursMonth month = before.register(id, entry, at, day, 90).month();
            if (n % 20 == 0) {
                month = month.correct(id, new HoursEntry(day, entry.employer(), entry.quarters() + 2, entry.note(),
                        entry.activityId()), "Glemte en halv time", at.plusSeconds(86_400), day.plusDays(1), 90).month();
            } else if (n % 50 == 0) {
                month = month.withdraw(id, "Registreret to gange", at.plusSeconds(3600)).month();
            }
            months.put(month.month(), month);
        }
        return months.values().stream().map(m -> HoursMonth.imported(m.citizenId(), m.municipality(), m.month(),
                m.registrations())).toList();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    MongoStore store() {
        return store;
    }
}
