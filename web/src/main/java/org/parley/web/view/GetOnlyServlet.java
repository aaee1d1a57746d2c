package org.parley.web.view;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet that takes {@code GET} (with {@code HEAD} and {@code OPTIONS}): {@code OPTIONS} says so, and any other
 * method is answered {@code 405} with the same {@code Allow} in the format of the endpoint ({@link TakenMethods}).
 * The container answered a {@code POST} with its own HTML error page, no {@code Allow}, even at the Presence API, and a
 * method it does not know with 501.
 */
public abstract class GetOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (TakenMethods.READING.goesOn(request, response)) {
            super.service(request, response);
        }
    }
}
