package org.parley.web.socket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** Counts a socket's bad frames: 10 within 10 s and the socket is closed for abuse (1008). */
public final class FrameErrors {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofSeconds(10);

    private final Clock clock;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    public FrameErrors(Clock clock) {
        this.clock = clock;
    }

    /** Records one bad frame; true when this one crosses the limit. */
    public synchronized boolean tooMany() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        recent.addLast(now);
        return recent.size() >= LIMIT;
    }
}
