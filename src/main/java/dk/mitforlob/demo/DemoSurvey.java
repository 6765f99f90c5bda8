package dk.mitforlob.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.TextNode;

import dk.mitforlob.survey.AnswerOption;
import dk.mitforlob.survey.Condition;
import dk.mitforlob.survey.Definition;
import dk.mitforlob.survey.Item;
import dk.mitforlob.survey.ItemType;
import dk.mitforlob.survey.QuestionnaireVersion;
import dk.mitforlob.survey.Questionnaires;
import dk.mitforlob.survey.RoundInput;
import dk.mitforlob.survey.Rounds;
import dk.mitforlob.survey.Target;

/**
 * The study's standard questionnaire (published), and a round this month that is open to both demo
 * people (Aalborg and København). Seeded under fixed ids, so a restart adds nothing; a restart in a
 * later month opens that month's round.
 */
public final class DemoSurvey {

    static final String QUESTIONNAIRE_ID = "kvalitet-standard";

    private DemoSurvey() {
    }

    static void seed(Questionnaires questionnaires, Rounds rounds, Clock clock) {
        QuestionnaireVersion version = questionnaires.create(standard(), QUESTIONNAIRE_ID);
        if (!version.published()) {
            questionnaires.publish(QUESTIONNAIRE_ID, version.version(), version.revision());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), RoundInput.COPENHAGEN);
        YearMonth month = YearMonth.from(today);
        rounds.create(new RoundInput(QUESTIONNAIRE_ID, 1,
                texts("Brugerundersøgelse " + month, "User survey " + month),
                new Target(List.of(), List.of("101", "851")), today + "T00:00", today.plusDays(60) + "T23:59"),
                "demo-survey-" + month);
    }

    /** The study's standard questionnaire, also what the survey benchmark answers. */
    public static Definition standard() {
        return new Definition(texts("Kvalitet i ressourceforløb: brugerundersøgelse",
                "Quality in resource programmes: user survey"), List.of(
                display("intro", "Dine svar er anonyme. Jobcentret kan ikke se, hvad du har svaret.",
                        "Your answers are anonymous. The job centre cannot see what you answered."),
                likert("overall", "Hvor tilfreds er du alt i alt med dit forløb?",
                        "Overall, how satisfied are you with your programme?", SATISFIED, true),
                likert("listened-to", "Jeg føler, at jobcentret lytter til mig.",
                        "I feel that the job centre listens to me.", AGREE, true),
                likert("clear-goals", "Målene for mit forløb er klare for mig.",
                        "The goals of my programme are clear to me.", AGREE, true),
                likert("ownership", "Jeg har indflydelse på, hvad der står i min plan.",
                        "I have a say in what goes into my plan.", AGREE, true),
                likert("health-and-social", "Jeg får hjælp til mine helbredsmæssige og sociale udfordringer "
                                + "sideløbende med vejen mod arbejde.",
                        "I get help with my health and social problems alongside the road to work.", AGREE, false),
                likert("caseworker", "Hvor tilfreds er du med din kontaktperson eller sagsbehandler?",
                        "How satisfied are you with your contact person or caseworker?", SATISFIED, true),
                likert("latest-meeting", "Hvor tilfreds var du med dit seneste møde med jobcentret?",
                        "How satisfied were you with your latest meeting with the job centre?", SATISFIED, false),
                new Item("work-experience", ItemType.SINGLE, texts(
                        "Har du i dit forløb været i virksomhedspraktik eller haft lønnede timer i en virksomhed?",
                        "During your programme, have you had a work placement or paid hours in a company?"), true,
                        List.of(option("placement", "Ja, virksomhedspraktik", "Yes, a work placement"),
                                option("paid-hours", "Ja, lønnede timer", "Yes, paid hours"),
                                option("both", "Ja, begge dele", "Yes, both"),
                                option("none", "Nej", "No")), null, List.of()),
                conditional(likert("work-experience-helped", "Tiden i virksomheden har bragt mig tættere på arbejde.",
                        "My time in the company has brought me closer to work.", AGREE, true),
                        new Condition("work-experience", Condition.Operator.NOT_EQUALS, TextNode.valueOf("none"))),
                new Item("mentor", ItemType.SINGLE, texts("Har du fået en mentor?", "Have you been given a mentor?"),
                        true, List.of(option("yes", "Ja", "Yes"), option("no", "Nej", "No")), null, List.of()),
                conditional(likert("mentor-helped", "Hvor meget har din mentor hjulpet dig?",
                        "How much has your mentor helped you?", HELPED, true),
                        new Condition("mentor", Condition.Operator.EQUALS, TextNode.valueOf("yes"))),
                new Item("closer-to-work", ItemType.SCALE_0_TO_10, texts(
                        "Hvor sandsynligt er det, at dit forløb bringer dig tættere på arbejde? (0 = slet ikke, "
                                + "10 = helt sikkert)",
                        "How likely is it that your programme brings you closer to work? (0 = not at all, "
                                + "10 = certainly)"), true, List.of(), null, List.of()),
                new Item("what-helped", ItemType.MULTI, texts("Hvad har hjulpet dig mest? Vælg gerne flere.",
                        "What has helped you most? Choose as many as you like."), false, List.of(
                        option("caseworker-talks", "Samtaler med min sagsbehandler", "Talks with my caseworker"),
                        option("mentor", "Min mentor", "My mentor"),
                        option("company", "Tid i en virksomhed", "Time in a company"),
                        option("course", "Kursus eller uddannelse", "A course or education"),
                        option("health", "Behandling eller hjælp til helbredet", "Treatment or help with my health"),
                        option("other", "Andet", "Something else")), null, List.of()),
                new Item("comment", ItemType.TEXT, texts("Har du andre kommentarer til dit forløb?",
                        "Do you have other comments on your programme?"), false, List.of(), 1000,
                        List.of())));
    }

    private static final List<AnswerOption> SATISFIED = List.of(
            option("1", "Meget utilfreds", "Very dissatisfied"), option("2", "Utilfreds", "Dissatisfied"),
            option("3", "Hverken tilfreds eller utilfreds", "Neither satisfied nor dissatisfied"),
            option("4", "Tilfreds", "Satisfied"), option("5", "Meget tilfreds", "Very satisfied"));
    private static final List<AnswerOption> AGREE = List.of(
            option("1", "Helt uenig", "Strongly disagree"), option("2", "Uenig", "Disagree"),
            option("3", "Hverken enig eller uenig", "Neither agree nor disagree"),
            option("4", "Enig", "Agree"), option("5", "Helt enig", "Strongly agree"));
    private static final List<AnswerOption> HELPED = List.of(
            option("1", "Slet ikke", "Not at all"), option("2", "Lidt", "A little"),
            option("3", "Noget", "Somewhat"), option("4", "Meget", "A lot"), option("5", "Rigtig meget", "Very much"));

    private static Item likert(String id, String danish, String english, List<AnswerOption> labels, boolean required) {
        return new Item(id, ItemType.LIKERT5, texts(danish, english), required, labels, null, List.of());
    }

    private static Item display(String id, String danish, String english) {
        return new Item(id, ItemType.DISPLAY, texts(danish, english), false, List.of(), null, List.of());
    }

    private static Item conditional(Item item, Condition condition) {
        return new Item(item.id(), item.type(), item.text(), item.required(), item.options(), item.maxLength(),
                List.of(condition));
    }

    private static AnswerOption option(String code, String danish, String english) {
        return new AnswerOption(code, texts(danish, english));
    }

    private static Map<String, String> texts(String danish, String english) {
        return Map.of("da", danish, "en", english);
    }
}
