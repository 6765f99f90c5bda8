package dk.mitforlob.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dk.mitforlob.platform.errors.Rejection;

/**
 * Turns a CPR number into a keyed HMAC-SHA256, the only form in which the service keeps it. With
 * the key held apart from the database, a copy of the database does not reveal who is enrolled.
 * See docs/decisions/0007.
 */
public final class CprHmac {

    private static final Pattern CPR = Pattern.compile("(\\d{6})-?(\\d{4})");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CprHmac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The CPR HMAC key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * True for a CPR-shaped value: exactly ten digits, optionally with a dash after the date, and a real
     * date; nothing around them (a space or line break is not trimmed, it makes the value no CPR number).
     */
    public static boolean looksLikeCpr(String value) {
        var matcher = value == null ? null : CPR.matcher(value);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        String date = matcher.group(1);
        int day = Integer.parseInt(date.substring(0, 2));
        int month = Integer.parseInt(date.substring(2, 4));
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    /**
     * The HMAC of a CPR number, written as {@code 0101901234} or {@code 010190-1234}.
     *
     * @throws Rejection 422 naming {@code field} when the value is not a CPR number
     */
    public String digest(String cpr, String field) {
        if (!looksLikeCpr(cpr)) {
            throw Rejection.invalid(field, "must be a CPR number: ten digits, DDMMYY-SSSS");
        }
        String normalized = cpr.replace("-", "");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
