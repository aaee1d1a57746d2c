package org.parley.web.view;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet that takes {@code GET} (with {@code HEAD} and {@code OPTIONS}): any other method is answered {@code 405}
 * with {@code Allow} in the format of the endpoint ({@link EndpointRefusals}). The container answered a {@code POST}
 * with its own HTML error page, no {@code Allow}, even at the Presence API, and a method it does not know with 501.
 */
public abstract class GetOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The methods such a servlet takes, as {@code OPTIONS} tells them too. */
    static final String ALLOWED = "GET, HEAD, OPTIONS";
    private static final String REFUSAL = "This endpoint does not take this method.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> super.service(request, response);
            default -> refuse(request, response);
        }
    }

    /** {@code 405} with {@code Allow}, in the format of the endpoint: what a target that only answers says to any other method. */
    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED);
        EndpointRefusals.write(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, REFUSAL);
    }
}
