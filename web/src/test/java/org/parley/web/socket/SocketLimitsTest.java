package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.parley.messaging.entity.MessagingRefusedException;

class SocketLimitsTest {

    private final SocketLimits limits = new SocketLimits(Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));

    SocketLimitsTest() {
        limits.visitorSocketsPerAddress = 2;
        limits.pageSocketsPerAddress = 1;
        limits.watchesPerSecond = 1;
        limits.watchBurst = 3;
    }

    @Test
    void visitorAndDirectoryPageSocketsAreCountedApartPerAddress() {
        assertTrue(limits.admitPage("10.0.0.1"));
        assertFalse(limits.admitPage("10.0.0.1"), "the address's one page socket is open");
        assertTrue(limits.admitVisitor("10.0.0.1"), "pages do not use up the chats");
        assertTrue(limits.admitVisitor("10.0.0.1"));
        assertFalse(limits.admitVisitor("10.0.0.1"));
        assertTrue(limits.admitPage("10.0.0.2"), "another address counts on its own");

        limits.releasePage("10.0.0.1");
        assertTrue(limits.admitPage("10.0.0.1"));
        limits.releaseVisitor("10.0.0.1");
        assertTrue(limits.admitVisitor("10.0.0.1"));
    }

    @Test
    void watchesShareOneAllowancePerAddress() {
        for (int i = 0; i < 3; i++) {
            limits.countWatch("10.0.0.1");
        }
        MessagingRefusedException refused = assertThrows(MessagingRefusedException.class, () -> limits.countWatch("10.0.0.1"));
        assertEquals(MessagingRefusedException.RATE_LIMITED, refused.code());
        assertTrue(refused.retryAfter().toMillis() > 0);
        limits.countWatch("10.0.0.2");
    }
}
