package org.parley.messaging.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code max} actions in any {@code window}: unlike a token bucket, which lets one more
 * through as soon as a fraction of the window passed, this remembers when each of the last
 * {@code max} happened. When full, the answer says how long until the oldest leaves the window.
 * Thread-safe.
 */
public class SlidingWindow {

    private int max;
    private final Duration window;
    private final Clock clock;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    public SlidingWindow(int max, Duration window, Clock clock) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a sliding window needs a positive count and length");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one action if there is room: {@link Duration#ZERO} when allowed, else the wait until there is room. */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        forgetBefore(now);
        if (recent.size() < max) {
            recent.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(window));
    }

    /** Allows at most {@code max} actions in the window from now on (an administrator changed it). */
    public synchronized void limit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a sliding window needs a positive count");
        }
        this.max = max;
    }

    /** Whether nothing counts any more, so its owner may forget it. */
    public synchronized boolean idle() {
        forgetBefore(clock.instant());
        return recent.isEmpty();
    }

    private void forgetBefore(Instant now) {
        Instant start = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
            recent.removeFirst();
        }
    }
}
