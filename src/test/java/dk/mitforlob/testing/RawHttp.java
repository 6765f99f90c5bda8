package dk.mitforlob.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client library sends: duplicated or
 * malformed headers, raw bytes in the path, bodies that do not match their headers. Reads one
 * response; a connection the server breaks is reported as such, not thrown.
 */
public final class RawHttp {

    /** What came back: a status, headers (names lower-case) and body; status -1 when the connection broke. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, String failure) {
        public Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;

    public RawHttp(URI base) {
        this.base = base;
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    public Response send(String head, byte[] body) {
        byte[] headBytes = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return sendBytes(headBytes, body, 0);
    }

    /**
     * Sends the head, then the body in pieces of {@code chunk} bytes while reading: a server that answers
     * early (e.g. 413) must still let the client read that answer.
     */
    public Response sendBytes(byte[] head, byte[] body, int chunk) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            String writeFailure = null;
            if (body != null && body.length > 0) {
                try {
                    if (chunk <= 0) {
                        out.write(body);
                    } else {
                        for (int i = 0; i < body.length; i += chunk) {
                            out.write(body, i, Math.min(chunk, body.length - i));
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    writeFailure = "write: " + e;
                }
            }
            out.flush();
            boolean headRequest = new String(head, 0, Math.min(5, head.length), StandardCharsets.ISO_8859_1)
                    .equals("HEAD ");
            return read(in, writeFailure, headRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in, String writeFailure, boolean head) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int headerEnd = -1;
            while (headerEnd < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    return broken(all, writeFailure, "closed before a response");
                }
                all.write(buffer, 0, n);
                headerEnd = indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] bytes = all.toByteArray();
            String[] lines = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(bytes, headerEnd + 4, bytes.length - headerEnd - 4);
            long length = head ? 0 : headers.containsKey("content-length")
                    ? Long.parseLong(headers.get("content-length").getFirst()) : -1;
            if (!head && length < 0 && headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
                return new Response(status, headers, dechunk(in, body.toByteArray()), writeFailure);
            }
            while (length >= 0 && body.size() < length) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
            return new Response(status, headers, body.toByteArray(), writeFailure);
        } catch (SocketTimeoutException e) {
            return broken(all, writeFailure, "timed out");
        } catch (IOException e) {
            return broken(all, writeFailure, "read: " + e);
        }
    }

    private static byte[] dechunk(InputStream in, byte[] start) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(start);
        byte[] buffer = new byte[8192];
        while (indexOf(raw.toByteArray(), "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            raw.write(buffer, 0, n);
        }
        byte[] bytes = raw.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < bytes.length) {
            int lineEnd = indexOf(bytes, pos, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(bytes, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(bytes, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static Response broken(ByteArrayOutputStream received, String writeFailure, String how) {
        return new Response(-1, Map.of(), received.toByteArray(),
                (writeFailure == null ? "" : writeFailure + "; ") + how);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, 0, needle);
    }

    private static int indexOf(byte[] haystack, int from, byte[] needle) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
