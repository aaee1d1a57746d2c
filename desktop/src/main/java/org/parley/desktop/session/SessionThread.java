package org.parley.desktop.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The real {@link Scheduler}: one daemon thread, so a fault in one task never stops the next. */
public final class SessionThread implements Scheduler {

    private static final Logger LOG = Logger.getLogger(SessionThread.class.getName());

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Daemons.named("parley-session"));

    @Override
    public void execute(Runnable task) {
        thread.execute(guarded(task));
    }

    @Override
    public Runnable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = thread.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A session task failed", e);
            }
        };
    }
}
