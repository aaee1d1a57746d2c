package org.parley.web.socket;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler Tyrus gives every WebSocket session, in front of the container's managed one.
 * <p>
 * Tyrus 2.1.5 (Payara 6) "restarts" a session's idle timer on every frame in and out, even when
 * the session has no idle timeout: it schedules a task with delay 0 that does nothing. On Payara's
 * managed scheduler each such task captures the thread's context, which scans the whole class path
 * for context providers — about 70 % of the server's CPU while relaying messages. A task that is
 * due now is therefore run at once on the calling thread (Tyrus's zero-delay idle task returns
 * immediately); every task with a delay, and everything else, goes to the managed scheduler as
 * before. Parley finds idle sockets itself, in one sweep ({@link SocketSessions}).
 */
final class SocketTimers extends AbstractExecutorService implements ScheduledExecutorService {

    private final ScheduledExecutorService managed;

    SocketTimers(ScheduledExecutorService managed) {
        this.managed = managed;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay <= 0) {
            command.run();
            return Done.INSTANCE;
        }
        return managed.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return managed.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return managed.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return managed.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        managed.execute(command);
    }

    /** The managed scheduler belongs to the container: it is not shut down from here. */
    @Override
    public void shutdown() {
        throw new IllegalStateException("The container's scheduler is not shut down by the application");
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw new IllegalStateException("The container's scheduler is not shut down by the application");
    }

    @Override
    public boolean isShutdown() {
        return managed.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return managed.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return managed.awaitTermination(timeout, unit);
    }

    /** The future of a task that already ran. */
    private static final class Done implements ScheduledFuture<Object> {

        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
