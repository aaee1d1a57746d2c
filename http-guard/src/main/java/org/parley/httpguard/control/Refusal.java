package org.parley.httpguard.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code 400} a request gets for a path {@link RequestTargets} refuses, in the format of the
 * endpoint it was meant for: the Presence API's JSON for {@code /users/…} and
 * {@code /api/presence}, OAuth's error JSON (RFC 6749 §5.2) for the other APIs ({@code /api/…},
 * and {@code /oauth/…} but the consent page {@code /oauth/authorize}), plain text for pages and
 * everything else. The web application's own refusal of a malformed query
 * ({@code org.parley.web.view.PercentEscapes}) keeps the same rule.
 */
public record Refusal(String contentType, Map<String, String> headers, String body) {

    public static Refusal of(String rawPath, String problem) {
        String sentence = "Bad request: " + problem + ".";
        if (rawPath.startsWith("/users/") || rawPath.startsWith("/api/presence")) {
            return new Refusal("application/json;charset=UTF-8", Map.of("Access-Control-Allow-Origin", "*", "Cache-Control", "no-store"),
                    "{\"result\":{\"code\":400,\"response\":\"" + sentence + "\"}}");
        }
        if (rawPath.startsWith("/api/") || rawPath.startsWith("/oauth/") && !rawPath.startsWith("/oauth/authorize")) {
            return new Refusal("application/json;charset=UTF-8", Map.of("Cache-Control", "no-store", "Pragma", "no-cache"),
                    "{\"error\":\"invalid_request\",\"error_description\":\"" + sentence + "\"}");
        }
        return new Refusal("text/plain;charset=UTF-8", Map.of(), sentence + "\n");
    }

    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
