package dk.mitforlob.platform.ids;

import java.security.SecureRandom;

/** Opaque, unguessable ids for everything the service creates: 20 characters of Crockford base32, 100 bits. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[13];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(20);
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && id.length() < 20) {
                id.append(ALPHABET[(int) (buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }
}
