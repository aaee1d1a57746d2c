package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymousSessionsTest {

    private final AnonymousSessions sessions = new AnonymousSessions();

    AnonymousSessionsTest() {
        sessions.lifetime = Duration.ofMinutes(10);
        sessions.most = 3;
        sessions.check();
    }

    /** A session as the container keeps it: attributes, a timeout, and ending tells the listener, as the container does. */
    private final class FakeSession {
        final Map<String, Object> attributes = new HashMap<>();
        int maxInactive = -1;
        boolean ended;
        final HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setMaxInactiveInterval" -> {
                        maxInactive = (Integer) args[0];
                        yield null;
                    }
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "removeAttribute" -> {
                        Object was = attributes.remove((String) args[0]);
                        if (was != null) {
                            sessions.attributeRemoved(new HttpSessionBindingEvent((HttpSession) proxy, (String) args[0], was));
                        }
                        yield null;
                    }
                    case "invalidate" -> {
                        if (ended) {
                            throw new IllegalStateException("already invalidated");
                        }
                        ended = true;
                        sessions.sessionDestroyed(new HttpSessionEvent((HttpSession) proxy));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });

        FakeSession create() {
            sessions.sessionCreated(new HttpSessionEvent(session));
            return this;
        }
    }

    private static HttpServletRequest signingIn(HttpSession session, int sessionTimeoutMinutes) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(AnonymousSessionsTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) ->
                        method.getName().equals("getSessionTimeout") ? sessionTimeoutMinutes : null);
        return (HttpServletRequest) Proxy.newProxyInstance(AnonymousSessionsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> session;
                    case "getServletContext" -> context;
                    default -> null;
                });
    }

    @Test
    void aNewSessionLivesTheAnonymousLifetimeAndSigningInGivesItTheMembersTimeout() {
        FakeSession visitor = new FakeSession().create();
        assertEquals(600, visitor.maxInactive);
        AnonymousSessions.signedIn(signingIn(visitor.session, 30));
        assertEquals(1800, visitor.maxInactive);
        assertFalse(visitor.attributes.containsKey(AnonymousSessions.ANONYMOUS));
    }

    @Test
    void beyondTheMostTheOldestAnonymousSessionsEndAndMembersSessionsNever() {
        FakeSession member = new FakeSession().create();
        AnonymousSessions.signedIn(signingIn(member.session, 30));
        List<FakeSession> visitors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            visitors.add(new FakeSession().create());
        }
        assertEquals(List.of(true, true, false, false, false), visitors.stream().map(v -> v.ended).toList(),
                "three are kept, the two oldest ended");
        assertFalse(member.ended, "a member's session is not counted, however old");

        visitors.get(4).session.invalidate(); // one ends by itself (signed out, timed out): room for one more
        FakeSession next = new FakeSession().create();
        assertFalse(next.ended);
        assertFalse(visitors.get(2).ended, "nobody else had to go");
        new FakeSession().create();
        assertTrue(visitors.get(2).ended, "the oldest one left goes next");
    }
}
