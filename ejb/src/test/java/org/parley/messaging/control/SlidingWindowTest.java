package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

class SlidingWindowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));

    @Test
    void fiveConversationsInAnySixtySecondsAndNotASixth() {
        SlidingWindow window = new SlidingWindow(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(window.tryAcquire().isZero(), "conversation " + (i + 1));
            clock.advance(Duration.ofSeconds(1));
        }
        // a token bucket of 5 a minute would have one ready again after 12 s
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(45), window.tryAcquire(), "the first of the five leaves the window at 60 s");
        clock.advance(Duration.ofSeconds(44));
        assertFalse(window.tryAcquire().isZero(), "59 s after the first, still five in the window");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(window.tryAcquire().isZero(), "60 s after the first, there is room for one");
        assertEquals(Duration.ofSeconds(1), window.tryAcquire(), "and only one: the second leaves a second later");
    }

    @Test
    void refusedAttemptsDoNotCount() {
        SlidingWindow window = new SlidingWindow(1, Duration.ofSeconds(10), clock);
        assertTrue(window.tryAcquire().isZero());
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertFalse(window.tryAcquire().isZero());
        }
        clock.advance(Duration.ofSeconds(5));
        assertTrue(window.tryAcquire().isZero(), "10 s after the one that counted");
    }

    @Test
    void anEmptyWindowIsIdle() {
        SlidingWindow window = new SlidingWindow(2, Duration.ofSeconds(10), clock);
        assertTrue(window.idle());
        window.tryAcquire();
        assertFalse(window.idle());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(window.idle());
    }

    @Test
    void aWindowNeedsARoomAndALength() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(0, Duration.ofSeconds(1), clock));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(1, Duration.ZERO, clock));
    }
}
