package org.parley.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;

/**
 * Ends the session of a member who was disabled (or removed) while signed in: their next
 * request finds them signed out. Asks the in-memory member directory, so signed-in pages cost
 * no database query for it.
 */
@WebFilter(filterName = "ActiveMemberFilter", urlPatterns = "/*")
public class ActiveMemberFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ActiveMemberFilter.class.getName());

    @Inject
    MemberDirectory directory;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String username = request.getRemoteUser();
        if (username != null && directory.byUsername(username).filter(DirectoryEntry::enabled).isEmpty()) {
            LOG.info(() -> "Ended a session of '" + username + "': the account is disabled");
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.logout();
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?ended");
            return;
        }
        chain.doFilter(request, response);
    }
}
