package org.parley.consent.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code most} of something per key (a member, an address) in a window that begins with the first of them, kept
 * in memory (a restart forgets the counts); past it, the key waits until its window has passed.
 */
public final class Allowance {

    /** Keys counted at most; past it, those whose window has passed are forgotten. */
    private static final int MOST_KEYS = 10_000;

    /** A key's count in the window that began at {@code since}. */
    private record Counted(Instant since, int count) {
    }

    private final int most;
    private final Duration window;
    private final Map<String, Counted> counts = new ConcurrentHashMap<>();

    public Allowance(int most, Duration window) {
        this.most = most;
        this.window = window;
    }

    public int most() {
        return most;
    }

    public Duration window() {
        return window;
    }

    /** How long until {@code key} may have one more, if it may not now. */
    public Optional<Duration> blocked(String key, Instant now) {
        Counted seen = counts.get(key);
        if (seen == null || seen.count() < most || !now.isBefore(seen.since().plus(window))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, seen.since().plus(window)));
    }

    /** Counts one for {@code key}. */
    public void count(String key, Instant now) {
        counts.compute(key, (k, seen) -> seen == null || !now.isBefore(seen.since().plus(window))
                ? new Counted(now, 1) : new Counted(seen.since(), seen.count() + 1));
        if (counts.size() > MOST_KEYS) {
            counts.values().removeIf(seen -> !now.isBefore(seen.since().plus(window)));
        }
    }
}
