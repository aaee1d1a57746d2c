package org.parley.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));

    @Test
    void aBurstIsAllowedThenTheRate() {
        RateLimiter limiter = new RateLimiter(5, 20, clock);
        for (int i = 0; i < 20; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(), "burst message " + i);
        }
        assertEquals(Duration.ofMillis(200), limiter.tryAcquire(), "the 21st waits for the next token");
        clock.advance(Duration.ofMillis(200));
        assertEquals(Duration.ZERO, limiter.tryAcquire());
        assertFalse(limiter.tryAcquire().isZero());
    }

    @Test
    void limitsCheckedTogetherTakeFromAllOrNone() {
        RateLimiter conversation = new RateLimiter(5, 3, clock);
        RateLimiter address = new RateLimiter(1, 2, clock);
        assertEquals(Duration.ZERO, RateLimiter.tryAcquireAll(conversation, address));
        assertEquals(Duration.ZERO, RateLimiter.tryAcquireAll(conversation, address));
        assertEquals(Duration.ofSeconds(1), RateLimiter.tryAcquireAll(conversation, address), "the address's wait");
        RateLimiter other = new RateLimiter(1, 1, clock);
        assertEquals(Duration.ZERO, RateLimiter.tryAcquireAll(conversation, other),
                "the refusal above did not cost the conversation its last token");
        assertEquals(Duration.ofMillis(200), conversation.tryAcquire());
    }

    @Test
    void aFullBucketIsIdle() {
        RateLimiter limiter = new RateLimiter(1, 2, clock);
        assertTrue(limiter.idle());
        limiter.tryAcquire();
        assertFalse(limiter.idle());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.idle());
    }

    @Test
    void retryAfterIsWholeSecondsAndNeverZero() {
        assertEquals(1, RateLimiter.retryAfterSeconds(Duration.ofMillis(1)));
        assertEquals(2, RateLimiter.retryAfterSeconds(Duration.ofMillis(1001)));
    }

    @Test
    void aLimitNeedsAPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, clock));
    }

    @Test
    void newLimitsApplyAtOnceAndKeepNoMoreThanTheNewBurst() {
        RateLimiter limiter = new RateLimiter(1000, 1000, clock);
        limiter.limit(1, 2);
        assertEquals(Duration.ZERO, limiter.tryAcquire());
        assertEquals(Duration.ZERO, limiter.tryAcquire());
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(), "the third waits for the new rate");
        clock.advance(Duration.ofSeconds(10));
        limiter.limit(5, 20);
        assertEquals(Duration.ZERO, limiter.tryAcquire(), "what was earned at the old rate is kept");
    }
}
