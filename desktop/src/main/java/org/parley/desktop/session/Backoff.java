package org.parley.desktop.session;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: doubling from {@code first} up to {@code cap}, each wait
 * drawn at random from its upper half ("equal jitter"), so a server that comes back is not hit by
 * every client in the same instant, and no client waits less than half the current step.
 */
public final class Backoff {

    private final Duration first;
    private final Duration cap;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration first, Duration cap, RandomGenerator random) {
        this.first = first;
        this.cap = cap;
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    public Duration next() {
        long step = Math.min(cap.toMillis(), first.toMillis() << Math.min(failures, 20));
        failures++;
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }

    /** Another backoff with the same steps and jitter, counting its own failures (for another socket). */
    public Backoff fresh() {
        return new Backoff(first, cap, random);
    }

    /** A connection worked: the next failure starts from {@code first} again. */
    public void reset() {
        failures = 0;
    }
}
