package org.parley.web.view.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The profile page's view ({@code /person.xhtml}, also {@code /person}) is reached through {@link PeopleServlet} only,
 * which names the member; asked for by its own address it is "not found", in any method. Its view action said so for
 * a GET, but a POST there was taken as a form sent back and decoded a page about nobody: a server error.
 */
@WebFilter(filterName = "ProfileViewOnlyForwarded", urlPatterns = {"/person.xhtml", "/person"})
public class ProfileViewOnlyForwarded extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
