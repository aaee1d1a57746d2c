package org.parley.web.view.control;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.web.view.GetOnlyServlet;

/**
 * Answers the IM control at its Windows Live address, {@code /Conversation/IMMe.aspx} (and the
 * spellings of it that embed code uses), so old embed code works when only the host name changes:
 * the same view, with the same query string.
 */
@WebServlet(urlPatterns = {"/Conversation/IMMe.aspx", "/conversation/imme.aspx", "/Conversation/imme.aspx",
        "/conversation/IMMe.aspx"})
public class LegacyControlServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    static final String VIEW = "/conversation/imme.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(VIEW).forward(request, response);
    }
}
