package org.parley.web.view.admin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.web.view.GetOnlyServlet;

/** {@code /admin/} is the dashboard too: it sends the browser to {@code /admin} (301), which serves {@code admin.xhtml}. */
@WebServlet("/admin/")
public class AdminSlash extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + "/admin" + (query == null ? "" : "?" + query));
    }
}
