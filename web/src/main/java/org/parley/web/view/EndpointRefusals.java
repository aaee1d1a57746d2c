package org.parley.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes what Parley answers a request it refuses outside a page, in the format of the endpoint it was meant for: the
 * Presence API's JSON for {@code /users/…} and {@code /api/presence}, OAuth's error JSON (RFC 6749 §5.2) for the other
 * APIs ({@code /api/…}, and {@code /oauth/…} but the consent page {@code /oauth/authorize}), plain text elsewhere. The
 * same rule as the HTTP guard's refusals and {@code org.parley.web.rest.ApiFailures}.
 */
public final class EndpointRefusals {

    private EndpointRefusals() {
    }

    /** Answers {@code status} with {@code sentence} (JSON-safe text) in the format of {@code request}'s endpoint. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String sentence)
            throws IOException {
        write(request.getRequestURI().substring(request.getContextPath().length()), response, status, "invalid_request",
                sentence);
    }

    /**
     * Answers {@code status} with {@code sentence} (JSON-safe text) in the format of the endpoint at {@code path} (below
     * the context path), OAuth's JSON naming {@code error}.
     */
    public static void write(String path, HttpServletResponse response, int status, String error, String sentence)
            throws IOException {
        response.setStatus(status);
        if (path.startsWith("/users/") || path.startsWith("/api/presence")) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("{\"result\":{\"code\":" + status + ",\"response\":\"" + sentence + "\"}}");
        } else if (path.startsWith("/api/") || path.startsWith("/oauth/") && !path.startsWith("/oauth/authorize")) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
            response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + sentence + "\"}");
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(sentence + "\n");
        }
    }
}
