package dk.mitforlob.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import dk.mitforlob.platform.errors.Rejection;
import dk.mitforlob.platform.errors.Validation;

/**
 * The whole preferences document as the app sends and receives it. Times are {@code HH:mm} on the
 * wall clock in Copenhagen; weekdays are English names in lower case.
 */
public record PreferencesInput(Kinds kinds, Window quietHours, Weekly hoursNudge) {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** Each kind on or off; every kind must be given. */
    public record Kinds(@JsonProperty("meeting-tomorrow") Boolean meetingTomorrow,
                        @JsonProperty("meeting-in-two-hours") Boolean meetingInTwoHours,
                        @JsonProperty("meeting-cancelled") Boolean meetingCancelled,
                        @JsonProperty("plan-updated") Boolean planUpdated,
                        @JsonProperty("hours-nudge") Boolean hoursNudge,
                        @JsonProperty("survey-invitation") Boolean surveyInvitation,
                        @JsonProperty("survey-reminder") Boolean surveyReminder) {

        Map<ReminderKind, Boolean> asMap() {
            Map<ReminderKind, Boolean> map = new EnumMap<>(ReminderKind.class);
            map.put(ReminderKind.MEETING_TOMORROW, meetingTomorrow);
            map.put(ReminderKind.MEETING_IN_TWO_HOURS, meetingInTwoHours);
            map.put(ReminderKind.MEETING_CANCELLED, meetingCancelled);
            map.put(ReminderKind.PLAN_UPDATED, planUpdated);
            map.put(ReminderKind.HOURS_NUDGE, hoursNudge);
            map.put(ReminderKind.SURVEY_INVITATION, surveyInvitation);
            map.put(ReminderKind.SURVEY_REMINDER, surveyReminder);
            return map;
        }

        static Kinds of(Map<ReminderKind, Boolean> enabled) {
            return new Kinds(enabled.get(ReminderKind.MEETING_TOMORROW), enabled.get(ReminderKind.MEETING_IN_TWO_HOURS),
                    enabled.get(ReminderKind.MEETING_CANCELLED), enabled.get(ReminderKind.PLAN_UPDATED),
                    enabled.get(ReminderKind.HOURS_NUDGE), enabled.get(ReminderKind.SURVEY_INVITATION),
                    enabled.get(ReminderKind.SURVEY_REMINDER));
        }
    }

    /** From and to, {@code HH:mm}. */
    public record Window(String from, String to) {
    }

    /** A weekday ({@code monday} … {@code sunday}) and a time, {@code HH:mm}. */
    public record Weekly(String day, String time) {
    }

    /** Checks the document (422 naming every offending field) and makes it the preferences of {@code version}. */
    NotificationPreferences toPreferences(long version, Instant at) {
        Validation v = Validation.of();
        if (v.required("kinds", kinds)) {
            v.at("kinds", k -> kinds.asMap().forEach((kind, on) -> k.required(kind.code(), on)));
        }
        if (v.required("quietHours", quietHours)) {
            v.at("quietHours", q -> {
                time(q, "from", quietHours.from());
                time(q, "to", quietHours.to());
                if (quietHours.from() != null && quietHours.from().equals(quietHours.to())) {
                    q.error("to", "must differ from 'from'");
                }
            });
        }
        if (v.required("hoursNudge", hoursNudge)) {
            v.at("hoursNudge", n -> {
                if (n.required("day", hoursNudge.day()) && day(hoursNudge.day()).isEmpty()) {
                    n.error("day", "must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday");
                }
                time(n, "time", hoursNudge.time());
            });
        }
        v.throwIfInvalid();
        QuietHours quiet = new QuietHours(LocalTime.parse(quietHours.from()), LocalTime.parse(quietHours.to()));
        NudgeTime nudge = new NudgeTime(day(hoursNudge.day()).orElseThrow(), LocalTime.parse(hoursNudge.time()));
        if (quiet.covers(nudge.time())) {
            // held until the quiet hours end, a Sunday-night nudge would come in the next week: never
            throw Rejection.invalid("hoursNudge.time", "must be outside the quiet hours");
        }
        return new NotificationPreferences(version, kinds.asMap(), quiet, nudge, Optional.of(at));
    }

    static PreferencesInput of(NotificationPreferences preferences) {
        return new PreferencesInput(Kinds.of(preferences.enabled()),
                new Window(preferences.quietHours().from().toString(), preferences.quietHours().to().toString()),
                new Weekly(preferences.hoursNudge().day().name().toLowerCase(Locale.ROOT),
                        preferences.hoursNudge().time().toString()));
    }

    private static void time(Validation v, String field, String value) {
        if (v.required(field, value)) {
            v.matches(field, value, TIME, "must be a time of day, HH:mm (00:00-23:59)");
        }
    }

    private static Optional<DayOfWeek> day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
