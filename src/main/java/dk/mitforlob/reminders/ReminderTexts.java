package dk.mitforlob.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words of each kind of notification. They are what a lock screen shows, so they name no
 * one and nothing about health or the case: a meeting is a time, never its purpose, place or
 * the caseworker's name. The app shows the details once the citizen has unlocked and opened it.
 */
final class ReminderTexts {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_DA = DateTimeFormatter.ofPattern("d. MMMM", Locale.of("da"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private ReminderTexts() {
    }

    static Texts meetingTomorrow(Instant start) {
        String time = TIME.format(start.atZone(COPENHAGEN));
        return new Texts(
                new Texts.Text("Møde i morgen", "Du har et møde i morgen kl. " + time + ". Se detaljerne i Mit Forløb."),
                new Texts.Text("Meeting tomorrow", "You have a meeting tomorrow at " + time
                        + ". See the details in Mit Forløb."));
    }

    static Texts meetingInTwoHours(Instant start) {
        String time = TIME.format(start.atZone(COPENHAGEN));
        return new Texts(
                new Texts.Text("Møde om to timer", "Dit møde begynder kl. " + time + ". Se detaljerne i Mit Forløb."),
                new Texts.Text("Meeting in two hours", "Your meeting starts at " + time
                        + ". See the details in Mit Forløb."));
    }

    static Texts meetingCancelled(Instant start) {
        var when = start.atZone(COPENHAGEN);
        return new Texts(
                new Texts.Text("Møde aflyst", "Mødet d. " + DAY_DA.format(when) + " kl. " + TIME.format(when)
                        + " er aflyst. Se din plan i Mit Forløb."),
                new Texts.Text("Meeting cancelled", "The meeting on " + DAY_EN.format(when) + " at " + TIME.format(when)
                        + " has been cancelled. See your plan in Mit Forløb."));
    }

    static Texts planUpdated(boolean firstVersion) {
        return firstVersion
                ? new Texts(new Texts.Text("Din plan er klar", "Se din plan i Mit Forløb."),
                        new Texts.Text("Your plan is ready", "See your plan in Mit Forløb."))
                : new Texts(new Texts.Text("Din plan er opdateret", "Se hvad der er nyt i Mit Forløb."),
                        new Texts.Text("Your plan has been updated", "See what is new in Mit Forløb."));
    }

    static Texts hoursNudge() {
        return new Texts(
                new Texts.Text("Husk dine timer", "Har du haft lønnede timer i denne uge? Registrér dem i Mit Forløb."),
                new Texts.Text("Remember your hours", "Did you work paid hours this week? Register them in Mit Forløb."));
    }

    /** The round's title is the survey's public name, the same for everyone invited. */
    static Texts surveyInvitation(Map<String, String> titleByLanguage) {
        String da = title(titleByLanguage, "da");
        String en = title(titleByLanguage, "en");
        return new Texts(
                new Texts.Text("Hvad synes du om dit forløb?", "Svar på spørgeskemaet »" + da
                        + "«. Det tager få minutter, og dine svar er anonyme."),
                new Texts.Text("What do you think of your programme?", "Answer the survey \"" + en
                        + "\". It takes a few minutes, and your answers are anonymous."));
    }

    static Texts surveyReminder(Map<String, String> titleByLanguage) {
        String da = title(titleByLanguage, "da");
        String en = title(titleByLanguage, "en");
        return new Texts(
                new Texts.Text("Har du tid til et par spørgsmål?", "Vi vil gerne høre din mening: »" + da
                        + "«. Dine svar er anonyme."),
                new Texts.Text("Do you have time for a few questions?", "We would like to hear what you think: \""
                        + en + "\". Your answers are anonymous."));
    }

    private static String title(Map<String, String> titles, String language) {
        String title = titles.getOrDefault(language, titles.getOrDefault("da", titles.values().stream().findFirst()
                .orElse("Mit Forløb")));
        // a title is a heading, not a message: keep a lock screen line short
        return title.length() > 80 ? title.substring(0, 79) + "…" : title;
    }
}
