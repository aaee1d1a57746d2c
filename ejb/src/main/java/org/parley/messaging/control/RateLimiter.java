package org.parley.messaging.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code perSecond}. Each allowed action
 * takes one; when none is left the answer says how long until the next one. Thread-safe.
 */
public class RateLimiter {

    private double perSecond;
    private double burst;
    private final Clock clock;
    private double tokens;
    private Instant last;

    public RateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.instant();
    }

    /** Takes a token if there is one: {@link Duration#ZERO} when allowed, else the wait for the next token. */
    public synchronized Duration tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double seconds = (1 - tokens) / perSecond;
        return Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000L));
    }

    /**
     * Takes a token from each limiter, or from none: {@link Duration#ZERO} when all allowed, else
     * the wait of the first that refused, and the tokens already taken are given back, so a refusal
     * by one limit costs nothing against the others.
     */
    public static Duration tryAcquireAll(RateLimiter... limiters) {
        for (int i = 0; i < limiters.length; i++) {
            Duration wait = limiters[i].tryAcquire();
            if (!wait.isZero()) {
                for (int taken = 0; taken < i; taken++) {
                    limiters[taken].giveBack();
                }
                return wait;
            }
        }
        return Duration.ZERO;
    }

    private synchronized void giveBack() {
        refill();
        tokens = Math.min(burst, tokens + 1);
    }

    /**
     * Takes new limits from now on (an administrator changed them): what was earned at the old rate
     * is kept, up to the new burst.
     */
    public synchronized void limit(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
        }
        refill();
        this.perSecond = perSecond;
        this.burst = burst;
        tokens = Math.min(tokens, burst);
    }

    /** Whether the bucket is full again, so its owner may forget it. */
    public synchronized boolean idle() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        Instant now = clock.instant();
        double elapsed = Duration.between(last, now).toNanos() / 1_000_000_000.0;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            last = now;
        }
    }

    /** Whole seconds to tell a client, never zero. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
