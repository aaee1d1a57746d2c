package org.parley.web.socket;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Closes the sockets a browser session vouched for when that session ends other than by signing out, which closes them
 * first ({@code SignOutBacking}): when it went unused for the session timeout ({@link SocketSessions#sessionEnded}). By
 * then the container has closed the last socket the session opened itself, without a word. A session nobody signed in
 * to vouched for none.
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
