package dk.mitforlob.wishes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The occupations a citizen can state an interest in: the major groups (one digit) and sub-major
 * groups (two digits) of DISCO-08, Danmarks Statistik's Danish version of ILO's ISCO-08. English
 * labels are ISCO-08's; Danish labels follow DISCO-08. Codes never change meaning, so stored
 * interests stay valid; the finer levels of DISCO-08 are more than a phone form needs.
 */
public final class Occupations {

    private static final Map<String, Occupation> BY_CODE = new LinkedHashMap<>();

    static {
        group("0", "Militært arbejde", "Armed forces occupations",
                "01", "Militært arbejde på officersniveau", "Commissioned armed forces officers",
                "02", "Militært arbejde på sergentniveau", "Non-commissioned armed forces officers",
                "03", "Militært arbejde, øvrige grader", "Armed forces occupations, other ranks");
        group("1", "Ledelsesarbejde", "Managers",
                "11", "Øverste ledelse i lovgivende myndigheder, virksomheder og organisationer",
                "Chief executives, senior officials and legislators",
                "12", "Ledelse af administration og kommercielle funktioner", "Administrative and commercial managers",
                "13", "Ledelse af produktion og specialiseret service", "Production and specialised services managers",
                "14", "Ledelse inden for hotel, restauration, handel og anden service",
                "Hospitality, retail and other services managers");
        group("2", "Arbejde, der forudsætter viden på højeste niveau inden for pågældende område", "Professionals",
                "21", "Arbejde inden for naturvidenskab og ingeniørvirksomhed", "Science and engineering professionals",
                "22", "Arbejde inden for sundhedsområdet, højeste niveau", "Health professionals",
                "23", "Undervisningsarbejde", "Teaching professionals",
                "24", "Arbejde inden for forretningsservice og administration, højeste niveau",
                "Business and administration professionals",
                "25", "Arbejde inden for informations- og kommunikationsteknologi, højeste niveau",
                "Information and communications technology professionals",
                "26", "Arbejde inden for jura, samfundsvidenskab og kultur", "Legal, social and cultural professionals");
        group("3", "Arbejde, der forudsætter viden på mellemniveau", "Technicians and associate professionals",
                "31", "Teknikerarbejde inden for naturvidenskab og ingeniørvirksomhed",
                "Science and engineering associate professionals",
                "32", "Arbejde inden for sundhedsområdet, mellemniveau", "Health associate professionals",
                "33", "Arbejde inden for forretningsservice og administration, mellemniveau",
                "Business and administration associate professionals",
                "34", "Arbejde inden for jura, socialområdet, kultur og lignende, mellemniveau",
                "Legal, social, cultural and related associate professionals",
                "35", "Teknikerarbejde inden for informations- og kommunikationsteknologi",
                "Information and communications technicians");
        group("4", "Almindeligt kontor- og kundeservicearbejde", "Clerical support workers",
                "41", "Almindeligt kontorarbejde", "General and keyboard clerks",
                "42", "Kundeservicearbejde", "Customer services clerks",
                "43", "Registreringsarbejde vedrørende økonomi og materialer", "Numerical and material recording clerks",
                "44", "Andet kontorarbejde", "Other clerical support workers");
        group("5", "Service- og salgsarbejde", "Service and sales workers",
                "51", "Personlig servicearbejde", "Personal service workers",
                "52", "Salgsarbejde", "Sales workers",
                "53", "Omsorgsarbejde", "Personal care workers",
                "54", "Beskyttelses- og sikkerhedsarbejde", "Protective services workers");
        group("6", "Arbejde inden for landbrug, skovbrug og fiskeri ekskl. medhjælp",
                "Skilled agricultural, forestry and fishery workers",
                "61", "Markedsorienteret arbejde inden for landbrug og gartneri",
                "Market-oriented skilled agricultural workers",
                "62", "Markedsorienteret arbejde inden for skovbrug, fiskeri og jagt",
                "Market-oriented skilled forestry, fishery and hunting workers",
                "63", "Selvforsyning gennem landbrug, fiskeri, jagt og indsamling",
                "Subsistence farmers, fishers, hunters and gatherers");
        group("7", "Håndværkspræget arbejde", "Craft and related trades workers",
                "71", "Bygge- og anlægsarbejde undtagen elarbejde",
                "Building and related trades workers, excluding electricians",
                "72", "Metal- og maskinarbejde og lignende", "Metal, machinery and related trades workers",
                "73", "Kunsthåndværk og grafisk arbejde", "Handicraft and printing workers",
                "74", "El- og elektronikarbejde", "Electrical and electronic trades workers",
                "75", "Nærings- og nydelsesmiddelarbejde, træarbejde, beklædningsarbejde og lignende",
                "Food processing, wood working, garment and other craft and related trades workers");
        group("8", "Operatør- og monteringsarbejde samt transportarbejde", "Plant and machine operators, and assemblers",
                "81", "Operatørarbejde ved stationære anlæg og maskiner", "Stationary plant and machine operators",
                "82", "Monteringsarbejde", "Assemblers",
                "83", "Transportarbejde og betjening af mobile maskiner", "Drivers and mobile plant operators");
        group("9", "Andet manuelt arbejde", "Elementary occupations",
                "91", "Rengørings- og hjælpearbejde", "Cleaners and helpers",
                "92", "Medhjælp inden for landbrug, skovbrug og fiskeri", "Agricultural, forestry and fishery labourers",
                "93", "Manuelt arbejde inden for råstofudvinding, bygge og anlæg, industri og transport",
                "Labourers in mining, construction, manufacturing and transport",
                "94", "Hjælpearbejde ved tilberedning af mad", "Food preparation assistants",
                "95", "Gadesalg og lignende servicearbejde", "Street and related sales and service workers",
                "96", "Renovationsarbejde og andet manuelt arbejde", "Refuse workers and other elementary workers");
    }

    private Occupations() {
    }

    /** A major group followed by its sub-major groups as (code, Danish label, English label) triples. */
    private static void group(String code, String labelDa, String labelEn, String... subGroups) {
        BY_CODE.put(code, new Occupation(code, labelDa, labelEn, code));
        for (int i = 0; i < subGroups.length; i += 3) {
            BY_CODE.put(subGroups[i], new Occupation(subGroups[i], subGroups[i + 1], subGroups[i + 2], code));
        }
    }

    /** Every entry, each major group followed by its sub-major groups, major groups in code order. */
    public static List<Occupation> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<Occupation> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean isKnown(String code) {
        return byCode(code).isPresent();
    }

    /** The ten major groups, the interest groups of the evaluators' tables. */
    public static List<Occupation> majorGroups() {
        return BY_CODE.values().stream().filter(o -> o.code().equals(o.majorGroup())).toList();
    }
}
