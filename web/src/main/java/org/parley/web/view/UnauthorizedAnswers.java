package org.parley.web.view;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.web.security.MemberAuthenticationMechanism;

/**
 * The 401 error page ({@code web.xml}): writes why {@link MemberAuthenticationMechanism} refused the request (an access
 * token that is not valid where it was presented, or a member's socket opened without a session or a token), in plain
 * text, or in OAuth's JSON ({@code invalid_token}) below {@code /oauth/}, as Parley's other refusals outside a page
 * ({@link EndpointRefusals}); the challenge it set ({@code WWW-Authenticate}) stays. The container answered these with
 * its own HTML error page, which named the server and said only "This request requires HTTP authentication". Requested
 * directly, this address does not exist ({@code 404}).
 */
@WebServlet(urlPatterns = UnauthorizedAnswers.PATH)
public class UnauthorizedAnswers extends HttpServlet {

    static final String PATH = "/unauthorized";
    private static final long serialVersionUID = 1L;
    /** Should a 401 come from elsewhere, without a sentence of the mechanism's. */
    private static final String UNSAID = "This request needs a signed-in member or a valid access token.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String why = request.getAttribute(MemberAuthenticationMechanism.WHY_UNAUTHORIZED) instanceof String said ? said
                : UNSAID;
        EndpointRefusals.write(refusedPath(request), response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token", why);
    }

    /** The refused request's path below the context path (for its endpoint's format). */
    private static String refusedPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String raw ? raw.substring(Math.min(raw.length(), request.getContextPath().length())) : "";
    }
}
