package dk.mitforlob.reminders;

import java.util.Objects;

import dk.mitforlob.citizen.Language;

/** A notification's words in Danish and in English; the device's language picks one. */
public record Texts(Text da, Text en) {

    public Texts {
        Objects.requireNonNull(da);
        Objects.requireNonNull(en);
    }

    /** What a lock screen shows: a title and one or two sentences, with nothing personal in them. */
    public record Text(String title, String body) {
        public Text {
            Objects.requireNonNull(title);
            Objects.requireNonNull(body);
        }
    }

    public Text in(Language language) {
        return language == Language.EN ? en : da;
    }
}
