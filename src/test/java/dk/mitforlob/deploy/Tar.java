package dk.mitforlob.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tar stream (ustar with PAX and GNU long names, as Jib and other OCI tools write it).
 * Small enough to keep here rather than pull in an archive library for two tests.
 */
final class Tar {

    private static final int BLOCK = 512;

    record Entry(String name, char type, int mode, byte[] content) {
    }

    private Tar() {
    }

    static List<Entry> read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (readFully(in, header)) {
            if (isZero(header)) {
                break;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && "ustar".equals(text(header, 257, 5))) {
                name = prefix + "/" + name;
            }
            int mode = (int) octal(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = header[156] == 0 ? '0' : (char) header[156];
            byte[] content = in.readNBytes((int) size);
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            in.skipNBytes(padding);
            switch (type) {
                case 'x' -> longName = paxPath(content);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                case 'g' -> { }
                default -> {
                    entries.add(new Entry(longName != null ? longName : name, type, mode, content));
                    longName = null;
                }
            }
        }
        return entries;
    }

    private static String paxPath(byte[] records) {
        String path = null;
        for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                path = record.substring(space + 1 + "path=".length());
            }
        }
        return path;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        return in.readNBytes(block, 0, block.length) == block.length;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
