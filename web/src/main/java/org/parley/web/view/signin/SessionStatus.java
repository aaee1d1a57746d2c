package org.parley.web.view.signin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.parley.account.entity.Role;
import org.parley.web.security.SecurityConfiguration;
import org.parley.web.socket.Handshake;
import org.parley.web.socket.SocketSessions;
import org.parley.web.view.EndpointRefusals;
import org.parley.web.view.GetOnlyServlet;

/**
 * {@code GET /session}: whether the browser's session still speaks for a member, for a page of Parley's whose socket
 * closed or was refused (the web console): {@code 204} while it does, so the page reconnects; {@code 401} when it does
 * not (signed out, the account disabled, its password changed in another session, or the session ended unused), so the
 * page says so instead of reconnecting for ever, since a browser cannot see why a handshake was refused. It makes no
 * session, and an access token opens nothing here.
 * <p>
 * Only Parley's own pages may learn the answer: the request must carry {@code X-Requested-With} (any value), which no
 * {@code <script>}, {@code <img>} or form can send and a script of another origin cannot send without a CORS
 * preflight Parley does not answer, and a browser's {@code Sec-Fetch-Site} and {@code Origin}, when sent, must say
 * Parley's own origin; anything else is {@code 403}. Found by attacking it: a {@code <script src=".../session">} on
 * another page of the same site (the cookie is {@code SameSite=Lax}, so it came along) told signed in ({@code load})
 * from signed out ({@code error}).
 */
@WebServlet(urlPatterns = SessionStatus.PATH)
public class SessionStatus extends GetOnlyServlet {

    public static final String PATH = "/session";
    private static final long serialVersionUID = 1L;
    /** The challenge of a 401 here: a session cookie, which the sign-in form gives. */
    private static final String CHALLENGE = "Cookie realm=\"parley\", form-action=\"%s\"";
    static final String FOREIGN = "Only Parley's own pages ask about their session (with X-Requested-With).";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        if (request.getHeader("X-Requested-With") == null || site != null && !site.equals("same-origin")
                || origin != null && !Handshake.sameOrigin(origin.trim().toLowerCase(Locale.ROOT), request.getHeader("Host"))) {
            EndpointRefusals.write(request, response, HttpServletResponse.SC_FORBIDDEN, FOREIGN);
            return;
        }
        // the authentication mechanism let the session speak for its member in this request, or nobody
        if (request.getSession(false) == null || !request.isUserInRole(Role.MEMBER_GROUP)) {
            response.setHeader("WWW-Authenticate",
                    CHALLENGE.formatted(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE));
            EndpointRefusals.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, SocketSessions.SESSION_ENDED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
