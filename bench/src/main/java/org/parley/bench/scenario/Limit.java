package org.parley.bench.scenario;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A scenario's time limit: every wait ends by it, and a scenario that reaches it fails saying what it waited for. */
final class Limit {

    /** How long messages may still arrive after the last was sent before the missing ones count as errors. */
    static final java.time.Duration GRACE = java.time.Duration.ofSeconds(60);

    private final long deadline;
    private final Duration length;

    Limit(Duration length) {
        this.length = length;
        this.deadline = System.nanoTime() + length.toNanos();
    }

    long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Fails if the limit has passed. */
    void check(String doing) {
        if (remainingNanos() == 0) {
            throw exceeded(doing);
        }
    }

    void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
            throw exceeded(what + " (" + latch.getCount() + " still outstanding)");
        }
    }

    /**
     * Waits for the rest of the messages at most {@code grace} (within the limit); those still
     * missing then count as errors, and the scenario reports what did arrive.
     */
    void awaitMessages(CountDownLatch delivered, long total, java.time.Duration grace,
                       org.parley.bench.client.Tally tally) throws InterruptedException {
        if (!delivered.await(Math.min(remainingNanos(), grace.toNanos()), TimeUnit.NANOSECONDS)) {
            tally.error(delivered.getCount() + " of " + total + " messages had not arrived " + grace.toSeconds()
                    + " s after the last was sent");
        }
    }

    <T> T join(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw exceeded(what);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Sleeps for a measuring window (not a wait for an event), within the limit. */
    void measureFor(Duration window) throws InterruptedException {
        long nanos = window.toNanos();
        if (nanos > remainingNanos()) {
            throw exceeded("a measuring window of " + window);
        }
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    private IllegalStateException exceeded(String what) {
        return new IllegalStateException("over its time limit of " + length.toSeconds() + " s: " + what);
    }
}
