package org.parley.desktop.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls with a deadline, for what offers no event to wait on (a server's readiness, a terminal's screen, a window's list). */
final class Waiting {

    private Waiting() {
    }

    static void until(Duration limit, BooleanSupplier done, java.util.function.Supplier<String> otherwise) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(otherwise.get());
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
