package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    private final Handshake members = new Handshake.Members();

    private static Handshake.Request request(boolean bearer) {
        return new Handshake.Request("parley.intranet:8080", "10.0.0.7", "/ws/client", bearer);
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
