package org.parley.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.parley.bench.client.Tally;

/** Opens many sockets with a bounded number of handshakes in flight, and closes them again, all within a limit. */
final class Opening {

    private Opening() {
    }

    /** How long the last sockets may take after the last handshake began; then they count as errors. */
    private static final long STRAGGLERS_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * Opens {@code count} with {@code open(i)}, at most {@code concurrency} at a time; one that fails,
     * or is not open a minute after the last began, counts as an error and is left out.
     */
    static <T> List<T> all(int count, int concurrency, IntFunction<CompletableFuture<T>> open, Tally tally, Limit limit)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        List<T> opened = Collections.synchronizedList(new ArrayList<>(count));
        for (int i = 0; i < count; i++) {
            if (!inFlight.tryAcquire(limit.remainingNanos(), TimeUnit.NANOSECONDS)) {
                limit.check("opening " + count + " sockets (" + i + " begun)");
            }
            open.apply(i).whenComplete((socket, failure) -> {
                inFlight.release();
                if (failure != null) {
                    tally.error("could not open a socket: " + failure);
                } else {
                    opened.add(socket);
                }
                done.countDown();
            });
        }
        if (!done.await(Math.min(limit.remainingNanos(), STRAGGLERS_NANOS), TimeUnit.NANOSECONDS)) {
            tally.error(done.getCount() + " of " + count + " sockets were not open (handshake and first frame) "
                    + STRAGGLERS_NANOS / 1_000_000_000L + " s after the last began");
        }
        synchronized (opened) {
            return new ArrayList<>(opened);
        }
    }

    /** Closes them all and waits for the server's close frames; one that does not come counts as an error. */
    static <T> void closeAll(List<T> sockets, Function<T, CompletableFuture<Integer>> close, Tally tally, Limit limit)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(sockets.size());
        sockets.forEach(socket -> close.apply(socket).whenComplete((code, failure) -> closed.countDown()));
        if (!closed.await(Math.min(limit.remainingNanos(), TimeUnit.SECONDS.toNanos(60)), TimeUnit.NANOSECONDS)) {
            tally.error(closed.getCount() + " of " + sockets.size() + " sockets were not closed by the server in time");
        }
    }
}
