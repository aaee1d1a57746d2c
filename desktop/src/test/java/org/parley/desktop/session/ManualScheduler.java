package org.parley.desktop.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose clock moves only when the test says: tasks run when {@link #runDue()} or {@link #advance} reaches them. */
final class ManualScheduler implements Scheduler {

    private record Task(Instant at, long order, Runnable run) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-03T09:00:00Z");
    private long order;

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(new Task(now, order++, task));
    }

    @Override
    public synchronized Runnable schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(now.plus(delay), order++, task);
        tasks.add(scheduled);
        return () -> {
            synchronized (this) {
                tasks.remove(scheduled);
            }
        };
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Runs every task due now, including those they queue. */
    void runDue() {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.at().isAfter(now))
                        .min(Comparator.comparing(Task::at).thenComparing(Task::order)).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            next.run().run();
        }
    }

    /** Moves the clock forward step by step through every task scheduled on the way. */
    void advance(Duration by) {
        Instant end = now.plus(by);
        while (true) {
            runDue();
            Instant next;
            synchronized (this) {
                next = tasks.stream().map(Task::at).filter(at -> !at.isAfter(end)).min(Comparator.naturalOrder()).orElse(null);
                now = next == null ? end : next;
            }
            if (next == null) {
                runDue();
                return;
            }
        }
    }
}
