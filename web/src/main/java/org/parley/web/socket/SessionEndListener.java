package org.parley.web.socket;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Closes the sockets a browser session vouched for when that session ends other than by signing out, which closes them
 * first ({@code SignOutBacking}): when it went unused for {@code parley.sessions.member-lifetime}
 * ({@link SocketSessions#sessionEnded}). Payara holds a socket's handshake as a request in progress until the socket
 * closes, so there a session ends unused only once its sockets have closed; this is for a server that lets it end under
 * them, which closes the last one itself, without a word. A session nobody signed in to vouched for none.
 */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    @Inject
    SocketSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.sessionEnded(event.getSession());
    }
}
