package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        sessions.memberLifetime = Duration.ofMinutes(45);
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
                    case "setAttribute" -> {
                        Object was = attributes.put((String) args[0], args[1]);
                        HttpSessionBindingEvent event = new HttpSessionBindingEvent((HttpSession) proxy, (String) args[0], args[1]);
                        if (was == null) {
                            sessions.attributeAdded(event);
                        } else {
                            sessions.attributeReplaced(event);
                        }
                        yield null;
                    }
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

    /** What a sign-in does to the session: the mechanism notes who signed in, then the session becomes a member's. */
    private static void signIn(HttpSession session, int sessionGeneration) {
        session.setAttribute(MemberAuthenticationMechanism.SIGNED_IN,
                new MemberAuthenticationMechanism.SignedIn("ada", sessionGeneration));
        AnonymousSessions.signedIn((HttpServletRequest) Proxy.newProxyInstance(AnonymousSessionsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                        method.getName().equals("getSession") ? session : null));
    }

    @Test
    void aNewSessionLivesTheAnonymousLifetimeAndSigningInGivesItTheMembersLifetime() {
        FakeSession visitor = new FakeSession().create();
        assertEquals(600, visitor.maxInactive);
        signIn(visitor.session, 1);
        assertEquals(2700, visitor.maxInactive);
        assertFalse(visitor.attributes.containsKey(AnonymousSessions.ANONYMOUS));

        visitor.maxInactive = 60; // signing in again on it, or a password change on it, keeps it a member's
        signIn(visitor.session, 2);
        assertEquals(2700, visitor.maxInactive);
    }

    @Test
    void aLifetimeUnderASecondIsRefusedAtStart() {
        AnonymousSessions shortLived = new AnonymousSessions();
        shortLived.lifetime = Duration.ofMinutes(10);
        shortLived.most = 3;
        shortLived.memberLifetime = Duration.ofMillis(500);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, shortLived::check);
        assertTrue(refused.getMessage().contains("parley.sessions.member-lifetime"), refused.getMessage());
    }

    @Test
    void beyondTheMostTheOldestAnonymousSessionsEndAndMembersSessionsNever() {
        FakeSession member = new FakeSession().create();
        signIn(member.session, 1);
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
