package org.parley.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A {@code Content-Type} that is no media type at all ({@code %zz/;;;}) or has a quality value JAX-RS cannot read
 * ({@code text/html;q=x}), or an {@code Accept} that is no list of them
 * ({@code ;;;}, {@code text/html;q=x}, an empty element), makes JAX-RS give up on the request before any of Parley's
 * filters or mappers sees it, with the server's HTML error page. The APIs answer it here instead, in their own format:
 * the Presence API's JSON at {@code /api/presence}, RFC 6749 §5.2 {@code invalid_request} JSON elsewhere.
 */
@WebFilter(filterName = "ContentTypes", urlPatterns = {"/oauth/token", "/oauth/revoke", "/oauth/device", "/api/*"})
public class ContentTypes extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * A quality value as JAX-RS (Jersey) reads one: 0 to 1 in at most five characters ({@code 0.5}, {@code .5},
     * {@code 1.}, {@code 0.125}); RFC 9110 §12.4.2 allows fewer forms, none of which Jersey refuses.
     */
    private static final Pattern QUALITY = Pattern.compile("(?=.{1,5}$)(0(\\.\\d*)?|1(\\.0*)?|\\.\\d+)");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!readable(request.getHeader("Content-Type"))) {
            refuse(request, response, "The Content-Type header cannot be read; send application/x-www-form-urlencoded.");
        } else if (!acceptable(request.getHeader("Accept"))) {
            refuse(request, response, "The Accept header cannot be read; ask for application/json.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String sentence)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/presence")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.getOutputStream().write(CachedAnswers.refusalBody(HttpServletResponse.SC_BAD_REQUEST, sentence)
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            response.setHeader("Pragma", "no-cache");
            response.getOutputStream().write(OAuthErrors.body("invalid_request", sentence));
        }
    }

    static boolean readable(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            // JAX-RS reads a quality value in a Content-Type too, when it chooses the method for the request
            String quality = MediaType.valueOf(contentType).getParameters().get("q");
            return quality == null || QUALITY.matcher(quality).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether JAX-RS can read {@code accept}: media types separated by commas (none empty but one after the last comma;
     * a comma within quotes is part of a parameter's value), each with a quality value {@code q} it can read, if any.
     */
    static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= accept.length(); i++) {
            char c = i < accept.length() ? accept.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String element = accept.substring(start, i).trim();
                boolean trailing = i >= accept.length() && start > 0;
                if (!(element.isEmpty() && trailing) && !acceptableElement(element)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return !quoted;
    }

    private static boolean acceptableElement(String element) {
        if (element.isEmpty()) {
            return false;
        }
        // a type without a subtype is read as all of that type ("*" for any, "text" for text/*)
        int parameters = element.indexOf(';');
        String type = parameters < 0 ? element : element.substring(0, parameters);
        String whole = type.indexOf('/') >= 0 ? element
                : type.trim() + "/*" + (parameters < 0 ? "" : element.substring(parameters));
        try {
            String quality = MediaType.valueOf(whole).getParameters().get("q");
            return quality == null || QUALITY.matcher(quality).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
