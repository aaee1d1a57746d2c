package org.parley.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sessions of people who have not signed in. Every page the web container renders for them (the sign-in form, the
 * redirect of a members' page to it, the public pages) makes a session, ~6.6 KB of the heap each, and nothing in them
 * is worth keeping long: so they live {@code parley.sessions.anonymous-lifetime} (10 minutes) instead of the half hour
 * of a member's, and at most {@code parley.sessions.anonymous-max} (10,000) are kept: a new one ends the oldest. Anyone
 * requesting pages in a loop can then only expire other visitors' sign-in forms ("the page expired, sign in again"),
 * never fill the heap. Signing in ({@link #signedIn}) makes a session a member's: it gets
 * {@code parley.sessions.member-lifetime} (30 minutes without a request; Payara counts each socket the session opened as a
 * request in progress until it closes, so an open console keeps its session) and is never ended for room.
 */
@WebListener
public class AnonymousSessions implements HttpSessionListener, HttpSessionAttributeListener {

    private static final Logger LOG = Logger.getLogger(AnonymousSessions.class.getName());
    /** Marks a session nobody has signed in to yet; signing in removes it. */
    static final String ANONYMOUS = "parley.anonymous";
    /** At most one line a minute says that sessions are being ended for room. */
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    @Inject
    @ConfigProperty(name = "parley.sessions.anonymous-lifetime", defaultValue = "PT10M")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "parley.sessions.anonymous-max", defaultValue = "10000")
    int most;

    @Inject
    @ConfigProperty(name = "parley.sessions.member-lifetime", defaultValue = "PT30M")
    Duration memberLifetime;

    /** The anonymous sessions, oldest first; guarded by itself. */
    private final LinkedHashSet<HttpSession> anonymous = new LinkedHashSet<>();
    /** Sessions ended for room since the last report, and when that was; guarded by {@link #anonymous}. */
    private long endedSinceReport;
    private Instant reported = Instant.EPOCH;

    @PostConstruct
    void check() {
        if (!inSeconds(lifetime) || !inSeconds(memberLifetime) || most < 1) {
            throw new IllegalArgumentException("parley.sessions.anonymous-lifetime and parley.sessions.member-lifetime must be"
                    + " at least a second (PT1S) and parley.sessions.anonymous-max at least 1");
        }
    }

    private static boolean inSeconds(Duration lifetime) {
        return lifetime.toSeconds() >= 1 && lifetime.toSeconds() <= Integer.MAX_VALUE;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        session.setMaxInactiveInterval((int) lifetime.toSeconds());
        session.setAttribute(ANONYMOUS, Boolean.TRUE);
        List<HttpSession> oldest = new ArrayList<>();
        long report = 0;
        synchronized (anonymous) {
            anonymous.add(session);
            for (Iterator<HttpSession> each = anonymous.iterator(); anonymous.size() - oldest.size() > most; ) {
                oldest.add(each.next());
                each.remove();
            }
            endedSinceReport += oldest.size();
            Instant now = Instant.now();
            if (endedSinceReport > 0 && now.isAfter(reported.plus(REPORT_EVERY))) {
                report = endedSinceReport;
                endedSinceReport = 0;
                reported = now;
            }
        }
        // ended outside the lock: ending one tells this listener again
        oldest.forEach(AnonymousSessions::end);
        if (report > 0) {
            long ended = report;
            LOG.warning(() -> "Ended " + (ended == 1 ? "1 session" : ended + " sessions") + " of people who had not signed in"
                    + " (the oldest), to make room: " + most + " are kept at most (parley.sessions.anonymous-max). Many new"
                    + " ones are coming, perhaps from someone requesting pages in a loop; a visitor whose sign-in form was"
                    + " among them is asked to sign in again. The next such line comes in a minute at the soonest");
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (ANONYMOUS.equals(event.getName())) {
            forget(event.getSession());
        }
    }

    /** A member signed in on the session (the authentication mechanism notes who): it gets a member's lifetime. */
    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (MemberAuthenticationMechanism.SIGNED_IN.equals(event.getName())) {
            event.getSession().setMaxInactiveInterval((int) memberLifetime.toSeconds());
        }
    }

    /** Someone signed in again on a member's session, or its member changed their password on it. */
    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        attributeAdded(event);
    }

    private void forget(HttpSession session) {
        synchronized (anonymous) {
            anonymous.remove(session);
        }
    }

    private static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // it ended by itself meanwhile
        }
    }

    /** Someone signed in in this request: their session is a member's from now on, never ended for room. */
    static void signedIn(HttpServletRequest request) {
        request.getSession().removeAttribute(ANONYMOUS);
    }
}
