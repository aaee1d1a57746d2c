package org.parley.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.OAuthException;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.i18n.Markets;
import org.parley.web.security.BearerTokens;

/**
 * {@code GET /users/{id}/presence[?cb][&mkt]} (JSON, or JSONP with {@code cb}) and
 * {@code GET /users/{id}/presenceimage}: what directory pages show of a member, SPEC.md §3.
 * <p>
 * What every directory and profile page view hits, so a plain servlet rather than a JAX-RS
 * resource: the answer's bytes and tag were made when the member's presence last changed
 * ({@link PresenceAnswers}), and a request only looks them up and writes them. CORS {@code *},
 * cacheable for a few seconds with an {@code ETag} (private when a Bearer token was used), JSONP
 * as {@code application/javascript} with {@code nosniff} and always 200, plain JSON with the
 * result code as the HTTP status. The OpenAPI document describes these paths from
 * {@code META-INF/openapi.yaml}.
 */
@WebServlet(urlPatterns = "/users/*")
public class UserPresenceServlet extends HttpServlet {

    private static final String USERS = "/users";
    private static final int MAX_AGE_SECONDS = 5;
    private static final String JSON = "application/json;charset=utf-8";
    private static final String JAVASCRIPT = "application/javascript;charset=utf-8";
    private static final String SVG = "image/svg+xml";
    private static final byte[] BAD_CALLBACK = "{\"result\":{\"code\":400,\"response\":\"cb must be 1 to 128 letters, digits or underscores\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    PresenceAnswers answers;

    @Inject
    BearerTokens bearerTokens;

    /** Each status's icon, read once. */
    private final Map<PresenceStatus, byte[]> icons = new EnumMap<>(PresenceStatus.class);

    @Override
    public void init() throws ServletException {
        for (PresenceStatus status : PresenceStatus.values()) {
            try (InputStream svg = getServletContext().getResourceAsStream("/" + PresenceAnswers.iconPath(status))) {
                if (svg == null) {
                    throw new ServletException("The icon of " + status + " is missing from the application");
                }
                icons.put(status, svg.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the path as written: an id whose escapes decode to a slash is still one segment
        String path = request.getRequestURI().substring(request.getContextPath().length() + USERS.length());
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/") || slash < 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String id = decoded(path.substring(1, slash));
        try {
            switch (path.substring(slash + 1)) {
                case "presence" -> presence(id, request, response);
                case "presenceimage" -> image(id, request, response);
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (OAuthException e) {
            refuse(response, e);
        }
    }

    private void presence(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String callback = request.getParameter("cb");
        if (callback != null && !PresenceAnswers.CALLBACK.matcher(callback).matches()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            write(response, 400, JSON, BAD_CALLBACK);
            return;
        }
        Optional<BearerIdentity> bearer = bearer(request.getHeader("Authorization"));
        Optional<DirectoryEntry> member = answers.visible(id, bearer);
        PresenceAnswers.Answer answer = answers.answer(member, Markets.resolve(request.getParameter("mkt")), base(request));
        if (callback == null) {
            answer(request, response, answer.code(), JSON, answer.bytes(), answer.tag(), bearer.isPresent());
        } else {
            byte[] body = (callback + "(" + answer.json() + ");").getBytes(StandardCharsets.UTF_8);
            answer(request, response, 200, JAVASCRIPT, body, tagOf(body), bearer.isPresent());
        }
    }

    private void image(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<BearerIdentity> bearer = bearer(request.getHeader("Authorization"));
        byte[] svg = icons.get(answers.presenceOf(answers.visible(id, bearer)).status());
        answer(request, response, 200, SVG, svg, tagOf(svg), bearer.isPresent());
    }

    /** A path segment's percent-escapes decoded ({@code +} stays itself); one that cannot be decoded names nobody. */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** The caller's Bearer identity; an Authorization header that is not a valid token is {@code invalid_token} (401). */
    private Optional<BearerIdentity> bearer(String authorization) {
        return authorization == null ? Optional.empty() : Optional.of(bearerTokens.required(authorization));
    }

    /** Parley's own address as the caller wrote it, for the icon URLs in the answer. */
    private static String base(HttpServletRequest request) {
        StringBuilder base = new StringBuilder(64).append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equals(request.getScheme()) ? 443 : 80);
        if (!defaultPort) {
            base.append(':').append(port);
        }
        return base.append(request.getContextPath()).append('/').toString();
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String type,
                               byte[] body, String tag, boolean personal) throws IOException {
        String quoted = '"' + tag + '"';
        response.setHeader("ETag", quoted);
        response.setHeader("Cache-Control", (personal ? "private, " : "") + "no-transform, max-age=" + MAX_AGE_SECONDS);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Vary", "Authorization");
        if (unchanged(request.getHeader("If-None-Match"), quoted)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        write(response, status, type, body);
    }

    /** Whether {@code If-None-Match} names this tag (or any, {@code *}); weak tags compare by their value. */
    static boolean unchanged(String ifNoneMatch, String quotedTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(quotedTag)) {
                return true;
            }
        }
        return false;
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void refuse(HttpServletResponse response, OAuthException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        write(response, 401, "application/json", OAuthErrors.body(e.error(), e.description()));
    }

    private static String tagOf(byte[] body) {
        return PresenceAnswers.tagOf(new String(body, StandardCharsets.UTF_8));
    }
}
