package org.parley.web.view.signin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.parley.account.boundary.Members;
import org.parley.web.security.ClientAddress;
import org.parley.web.security.SecurityConfiguration;
import org.parley.web.socket.SocketSessions;

/**
 * Backs the sign-out button in every page's header: the sign-out is audited, the sockets the session vouched for are
 * told and closed, then the session ends.
 */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    FacesContext faces;

    @EJB
    Members members;

    @Inject
    SocketSessions sockets;

    public void signOut() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getRemoteUser() != null) {
            members.signOut(ClientAddress.configured().of(request));
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            // told before the session ends: at its end the container closes the session's last socket without a word
            sockets.sessionEnded(session);
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?signedout");
    }
}
