package dk.mitforlob.wishes;

/**
 * One entry of the occupations code list: a DISCO-08 major group (one digit) or sub-major group
 * (two digits).
 *
 * @param majorGroup the one-digit major group it belongs to (itself for a major group); the
 *                   "interest group" evaluators count by
 */
public record Occupation(String code, String labelDa, String labelEn, String majorGroup) {
}
