package dk.mitforlob.platform.reference;

import java.util.Map;
import java.util.Optional;

import dk.mitforlob.platform.errors.Rejection;

/** The 98 Danish municipalities (kommuner) by their three-digit code. */
public final class Municipalities {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("101", "København"),
            Map.entry("147", "Frederiksberg"),
            Map.entry("151", "Ballerup"),
            Map.entry("153", "Brøndby"),
            Map.entry("155", "Dragør"),
            Map.entry("157", "Gentofte"),
            Map.entry("159", "Gladsaxe"),
            Map.entry("161", "Glostrup"),
            Map.entry("163", "Herlev"),
            Map.entry("165", "Albertslund"),
            Map.entry("167", "Hvidovre"),
            Map.entry("169", "Høje-Taastrup"),
            Map.entry("173", "Lyngby-Taarbæk"),
            Map.entry("175", "Rødovre"),
            Map.entry("183", "Ishøj"),
            Map.entry("185", "Tårnby"),
            Map.entry("187", "Vallensbæk"),
            Map.entry("190", "Furesø"),
            Map.entry("201", "Allerød"),
            Map.entry("210", "Fredensborg"),
            Map.entry("217", "Helsingør"),
            Map.entry("219", "Hillerød"),
            Map.entry("223", "Hørsholm"),
            Map.entry("230", "Rudersdal"),
            Map.entry("240", "Egedal"),
            Map.entry("250", "Frederikssund"),
            Map.entry("253", "Greve"),
            Map.entry("259", "Køge"),
            Map.entry("260", "Halsnæs"),
            Map.entry("265", "Roskilde"),
            Map.entry("269", "Solrød"),
            Map.entry("270", "Gribskov"),
            Map.entry("306", "Odsherred"),
            Map.entry("316", "Holbæk"),
            Map.entry("320", "Faxe"),
            Map.entry("326", "Kalundborg"),
            Map.entry("329", "Ringsted"),
            Map.entry("330", "Slagelse"),
            Map.entry("336", "Stevns"),
            Map.entry("340", "Sorø"),
            Map.entry("350", "Lejre"),
            Map.entry("360", "Lolland"),
            Map.entry("370", "Næstved"),
            Map.entry("376", "Guldborgsund"),
            Map.entry("390", "Vordingborg"),
            Map.entry("400", "Bornholm"),
            Map.entry("410", "Middelfart"),
            Map.entry("420", "Assens"),
            Map.entry("430", "Faaborg-Midtfyn"),
            Map.entry("440", "Kerteminde"),
            Map.entry("450", "Nyborg"),
            Map.entry("461", "Odense"),
            Map.entry("479", "Svendborg"),
            Map.entry("480", "Nordfyns"),
            Map.entry("482", "Langeland"),
            Map.entry("492", "Ærø"),
            Map.entry("510", "Haderslev"),
            Map.entry("530", "Billund"),
            Map.entry("540", "Sønderborg"),
            Map.entry("550", "Tønder"),
            Map.entry("561", "Esbjerg"),
            Map.entry("563", "Fanø"),
            Map.entry("573", "Varde"),
            Map.entry("575", "Vejen"),
            Map.entry("580", "Aabenraa"),
            Map.entry("607", "Fredericia"),
            Map.entry("615", "Horsens"),
            Map.entry("621", "Kolding"),
            Map.entry("630", "Vejle"),
            Map.entry("657", "Herning"),
            Map.entry("661", "Holstebro"),
            Map.entry("665", "Lemvig"),
            Map.entry("671", "Struer"),
            Map.entry("706", "Syddjurs"),
            Map.entry("707", "Norddjurs"),
            Map.entry("710", "Favrskov"),
            Map.entry("727", "Odder"),
            Map.entry("730", "Randers"),
            Map.entry("740", "Silkeborg"),
            Map.entry("741", "Samsø"),
            Map.entry("746", "Skanderborg"),
            Map.entry("751", "Aarhus"),
            Map.entry("756", "Ikast-Brande"),
            Map.entry("760", "Ringkøbing-Skjern"),
            Map.entry("766", "Hedensted"),
            Map.entry("773", "Morsø"),
            Map.entry("779", "Skive"),
            Map.entry("787", "Thisted"),
            Map.entry("791", "Viborg"),
            Map.entry("810", "Brønderslev"),
            Map.entry("813", "Frederikshavn"),
            Map.entry("820", "Vesthimmerlands"),
            Map.entry("825", "Læsø"),
            Map.entry("840", "Rebild"),
            Map.entry("846", "Mariagerfjord"),
            Map.entry("849", "Jammerbugt"),
            Map.entry("851", "Aalborg"),
            Map.entry("860", "Hjørring"));

    private Municipalities() {
    }


    public static boolean exists(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /** A municipality code in a path must be one of the 98; anything else is not found. */
    public static void requireKnown(String code) {
        if (!exists(code)) {
            throw Rejection.notFound("unknown-municipality",
                    "There is no municipality with code " + code);
        }
    }

}
