package org.parley.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.OAuthException;
import org.parley.web.security.BearerTokens;
import org.parley.web.security.PublicAddress;
import org.parley.web.view.EndpointRefusals;
import org.parley.web.view.GetOnlyServlet;

/**
 * {@code GET /users/{id}/presence} and {@code /presenceimage} through the web container: every
 * request with a Bearer token, and every request at all where Parley's HTTP guard does not answer
 * in front of the container ({@link PresenceDirectAnswers}). What every directory and profile page
 * view hits, so a plain servlet rather than a JAX-RS resource; the reply is {@link PresenceReplies}'.
 * The OpenAPI document describes these paths from {@code META-INF/openapi.yaml}.
 */
@WebServlet(urlPatterns = "/users/*")
public class UserPresenceServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final String USERS = "/users";

    @Inject
    PresenceReplies replies;

    @Inject
    BearerTokens bearerTokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PresenceReplies.Reply> reply;
        try {
            reply = replies.reply(request.getRequestURI().substring(request.getContextPath().length() + USERS.length()),
                    request.getParameter("cb"), request.getParameter("mkt"), base(request),
                    bearer(request.getHeader("Authorization")), request.getHeader("If-None-Match"));
        } catch (OAuthException e) {
            refuse(response, e);
            return;
        }
        if (reply.isEmpty()) {
            // no address of the API (/users/, /users/{id}/presence/, /users/{id}/other): its JSON, readable by any page
            EndpointRefusals.write(request, response, HttpServletResponse.SC_NOT_FOUND, "There is no such endpoint.");
            return;
        }
        PresenceReplies.Reply answer = reply.get();
        answer.headers().forEach(response::setHeader);
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            write(response, answer.status(), answer.contentType(), answer.body());
        }
    }

    /** The caller's Bearer identity; an Authorization header that is not a valid token is {@code invalid_token} (401). */
    private Optional<BearerIdentity> bearer(String authorization) {
        return authorization == null ? Optional.empty() : Optional.of(bearerTokens.required(authorization));
    }

    /** Parley's own address ({@code parley.public-url}, else as the caller wrote it), for the icon URLs in the answer. */
    private static String base(HttpServletRequest request) {
        return PublicAddress.configured().origin(request) + request.getContextPath() + "/";
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** {@code 401} for a token that is no valid one, readable by any page as every answer of the API (CORS {@code *}). */
    private static void refuse(HttpServletResponse response, OAuthException e) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        write(response, 401, "application/json", OAuthErrors.body(e.error(), e.description()));
    }
}
