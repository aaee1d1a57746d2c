package org.parley.account.control;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of an event anyone can repeat to report now, per key (an address, or one key for all): the first at once,
 * then at most once an interval with how many came since, and 0 in between. What a peer can repeat dozens of times a
 * second so writes a log line or an audit entry a minute, saying how many. Once more than {@value #MOST_KEYS} keys are
 * counted, those whose interval has passed are forgotten. Thread-safe.
 */
public final class RepeatedReports {

    private static final int MOST_KEYS = 10_000;

    private final Duration every;
    private final Clock clock;
    /** Per key: events not yet reported, and when the last report was (epoch milliseconds). */
    private final ConcurrentHashMap<String, long[]> pending = new ConcurrentHashMap<>();

    public RepeatedReports(Duration every, Clock clock) {
        this.every = every;
        this.clock = clock;
    }

    /** Counts one event of {@code key}; answers how many to report now (this one included), or 0 to report nothing yet. */
    public long count(String key) {
        long now = clock.millis();
        long interval = every.toMillis();
        if (pending.size() > MOST_KEYS) {
            pending.values().removeIf(state -> now - state[1] >= interval);
        }
        long[] report = {0};
        pending.compute(key, (k, state) -> {
            if (state == null || now - state[1] >= interval) {
                report[0] = (state == null ? 0 : state[0]) + 1;
                return new long[] {0, now};
            }
            state[0]++;
            return state;
        });
        return report[0];
    }
}
