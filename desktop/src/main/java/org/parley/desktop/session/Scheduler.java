package org.parley.desktop.session;

import java.time.Duration;
import java.time.Instant;

/** The session's own thread: runs tasks one after the other, now or later, and tells the time. */
public interface Scheduler {

    void execute(Runnable task);

    /** Runs {@code task} after {@code delay}; the answer cancels it. */
    Runnable schedule(Runnable task, Duration delay);

    Instant now();
}
