package org.parley.web.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A status, headers and body read straight off a connection, for requests no HTTP client would send. */
record RawHttpAnswer(int status, String head, String body) {

    /** The first value of header {@code name}, or "". */
    String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    /** The answer in {@code all}, what the connection carried until the server closed it; status 0 if it is none. */
    static RawHttpAnswer of(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (all.length == 0 || end < 0) {
            return new RawHttpAnswer(0, "(no complete answer: " + text + ")", "");
        }
        String head = text.substring(0, end);
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        RawHttpAnswer answer = new RawHttpAnswer(Integer.parseInt(head.split(" ", 3)[1]), head, "");
        if (answer.header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
            body = unchunked(body);
        }
        return new RawHttpAnswer(answer.status(), head, new String(body, StandardCharsets.UTF_8));
    }

    /** A chunked body's content (RFC 9112 §7.1): each chunk is its size in hex, CRLF, the data, CRLF; size 0 ends it. */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            content.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return content.toByteArray();
    }
}
