package org.parley.bench.client;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parley's frames as the bench speaks them: incoming ones parsed with one JSON-P provider looked up
 * once (a lookup per frame would cost the generator what it costs a server), outgoing ones written
 * as strings, since the bench chooses every value in them.
 */
public final class Frames {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    /**
     * A top-level string field of a flat frame read without parsing it ({@code null} when absent or
     * escaped, and the caller then parses): the generator reads its hot frames (acks, the member's
     * messages) this way, so that its cost per message stays small next to the server's. A quote
     * inside a JSON string is always escaped, so {@code "name":"} is found only as a key.
     */
    static String plainString(String frame, String key) {
        int at = frame.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = frame.indexOf('"', start);
        if (end < 0 || frame.lastIndexOf('\\', end) >= start) {
            return null;
        }
        return frame.substring(start, end);
    }

    /** A top-level whole-number field of a flat frame ({@code -1} when absent); {@code key} is {@code "name":}. */
    static long plainLong(String frame, String key) {
        int at = frame.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int i = at + key.length();
        int digits = 0;
        for (; i < frame.length() && Character.isDigit(frame.charAt(i)); i++, digits++) {
            value = value * 10 + (frame.charAt(i) - '0');
        }
        return digits == 0 ? -1 : value;
    }

    public static JsonObject parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static String identify(String name) {
        return "{\"type\":\"identify\",\"name\":" + quote(name) + "}";
    }

    public static String message(String id, String text) {
        return "{\"type\":\"message\",\"id\":" + quote(id) + ",\"text\":" + quote(text) + "}";
    }

    public static String received(String conversation, long seq) {
        return "{\"type\":\"received\",\"conversation\":" + quote(conversation) + ",\"seq\":" + seq + "}";
    }

    public static String presence(String status) {
        return "{\"type\":\"presence\",\"status\":" + quote(status) + "}";
    }

    public static String watch(List<String> ids) {
        return "{\"type\":\"watch\",\"ids\":[" + ids.stream().map(Frames::quote).collect(Collectors.joining(",")) + "]}";
    }

    /** A JSON string; the bench's own values need only quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
