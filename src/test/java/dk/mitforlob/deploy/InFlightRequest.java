package dk.mitforlob.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A paid-hours registration sent in two halves over a raw socket, so that it is still in flight
 * (its handler waiting for the rest of the body) when the service is told to stop.
 */
final class InFlightRequest implements AutoCloseable {

    private final Socket socket;
    private final byte[] body;

    private InFlightRequest(Socket socket, byte[] body) {
        this.socket = socket;
        this.body = body;
    }

    /** Sends the headers and the first half of the body of a registration for today. */
    static InFlightRequest start(int port, String citizenToken) throws IOException {
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("date", LocalDate.now(ZoneId.of("Europe/Copenhagen")).toString());
        hours.put("employer", Map.of("name", "Netto", "cvr", "35954716"));
        hours.put("hours", 2);
        byte[] body = new ObjectMapper().writeValueAsBytes(hours);
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/me/hours HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                + citizenToken + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return new InFlightRequest(socket, body);
    }

    /** Sends the rest of the body and returns the status line of the answer. */
    String finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
