package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private final Handshake members = new Handshake.Members();

    private static Handshake.Request request(boolean bearer) {
        return new Handshake.Request("parley.intranet:8080", "10.0.0.7", "/ws/client", bearer, servletRequest(new HashMap<>()));
    }

    /** A servlet request that keeps its attributes in {@code attributes}, and knows nothing else. */
    private static ServletRequest servletRequest(Map<String, Object> attributes) {
        return (ServletRequest) Proxy.newProxyInstance(HandshakeTest.class.getClassLoader(), new Class<?>[] {ServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A refused handshake's 403 page says why in the pages' words; an admitted one's request holds nothing. */
    @Test
    void aRefusedHandshakeNotesWhichWordsItsPageShows() {
        Handshake.Request foreign = request(false);
        assertFalse(members.admits("http://intranet.example", foreign));
        assertEquals("forbidden.membersOrigin", foreign.servlet().getAttribute(Handshake.WHY_FORBIDDEN));
        Handshake.Request cookieAlone = request(false);
        assertFalse(members.admits(null, cookieAlone));
        assertEquals("forbidden.membersOrigin", cookieAlone.servlet().getAttribute(Handshake.WHY_FORBIDDEN));
        Handshake.Request own = request(false);
        assertTrue(members.admits("http://parley.intranet:8080", own));
        assertNull(own.servlet().getAttribute(Handshake.WHY_FORBIDDEN));
    }

    @Test
    void theMembersSocketTakesParleysOwnPagesOnly() {
        assertTrue(members.admits("http://parley.intranet:8080", request(false)));
        assertTrue(members.admits("HTTPS://Parley.Intranet:8080", request(false)));
        assertFalse(members.admits("http://intranet.example", request(false)), "an intranet page");
        assertFalse(members.admits("http://parley.intranet:8081", request(false)), "another port");
        assertFalse(members.admits("null", request(false)), "an opaque origin");
        assertFalse(members.admits("http://intranet.example", request(true)), "a token does not make a page Parley's");
    }

    @Test
    void withoutAnOriginTheMembersSocketNeedsABearerToken() {
        assertTrue(members.admits(null, request(true)));
        assertFalse(members.admits(null, request(false)), "a cookie alone");
        assertFalse(members.admits(null, null), "a request the listener did not see");
    }
}
