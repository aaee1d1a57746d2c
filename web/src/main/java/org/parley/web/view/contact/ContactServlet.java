package org.parley.web.view.contact;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.parley.contact.entity.ContactPointDraft;

/**
 * Gives contact pages their address, {@code /contact/{name}}: the name travels to {@code /contact.xhtml}
 * as a request attribute, which no visitor can set. A name that no contact point could have
 * (anything but a slug: {@code %}, quotes, slashes, 10,000 characters) is "not found" at once. The
 * page posts its *Leave a message* form back to this same address.
 */
@WebServlet("/contact/*")
public class ContactServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the contact point's name. */
    static final String NAME = ContactServlet.class.getName() + ".name";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        String name = path == null || path.length() < 2 ? null : path.substring(1);
        if (!ContactPointDraft.validName(name)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(NAME, name);
        request.getRequestDispatcher("/contact.xhtml").forward(request, response);
    }

    /**
     * The form's post. Browsers send it in UTF-8 without saying so; Faces would remember the page's
     * encoding in the session, which this stateless page does not have, and read ISO-8859-1.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        doGet(request, response);
    }
}
