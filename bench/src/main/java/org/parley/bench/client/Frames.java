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
