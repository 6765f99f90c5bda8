package dk.mitforlob.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Paid hours are counted in whole quarter hours, so sums are exact: 7.5 hours are 30 quarters.
 * The API speaks hours as decimal numbers; the domain and the store speak quarters.
 */
public final class Hours {

    public static final int QUARTERS_PER_DAY = 96;
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private Hours() {
    }

    /** Quarters in {@code hours}, or -1 when it is not a whole number of quarter hours. */
    public static int quarters(BigDecimal hours) {
        BigDecimal quarters = hours.multiply(FOUR);
        try {
            return quarters.intValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    public static BigDecimal hours(long quarters) {
        return BigDecimal.valueOf(quarters).divide(FOUR, 2, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    /** Danish notation for a caseworker's summary: 7,5 or 8. */
    public static String danish(long quarters) {
        return hours(quarters).toPlainString().replace('.', ',');
    }
}
