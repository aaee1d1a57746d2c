package org.parley.web.view.people;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.web.view.GetOnlyServlet;

/**
 * Gives public profiles their address, {@code /people/{username}}: Faces maps pages by file, so
 * the username travels to {@code /person.xhtml} as a request attribute, which no visitor can set.
 */
@WebServlet("/people/*")
public class PeopleServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the username of the profile asked for. */
    static final String USERNAME = PeopleServlet.class.getName() + ".username";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(USERNAME, path.substring(1));
        request.getRequestDispatcher("/person.xhtml").forward(request, response);
    }
}
