package dk.mitforlob.hours;

import java.util.regex.Pattern;

/** A Danish company registration number (CVR): eight digits passing the modulus-11 check. */
public final class Cvr {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("[1-9]\\d{7}");
    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private Cvr() {
    }

    public static boolean isValid(String cvr) {
        if (cvr == null || !EIGHT_DIGITS.matcher(cvr).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (cvr.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }
}
