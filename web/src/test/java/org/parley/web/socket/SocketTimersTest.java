package org.parley.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketTimersTest {

    /** A scheduler that counts what reaches it, as the managed one would take it. */
    private final List<Long> delays = new ArrayList<>();
    private final ScheduledThreadPoolExecutor managed = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    };

    @AfterEach
    void stop() {
        managed.shutdownNow();
    }

    @Test
    void aTaskDueNowRunsAtOnceOnTheCallingThreadAndNeverReachesTheManagedScheduler() {
        SocketTimers timers = new SocketTimers(managed);
        Thread[] ranOn = new Thread[1];
        ScheduledFuture<?> done = timers.schedule(() -> {
            ranOn[0] = Thread.currentThread();
        }, 0, TimeUnit.MILLISECONDS);
        assertSame(Thread.currentThread(), ranOn[0]);
        assertTrue(done.isDone());
        assertFalse(done.cancel(true));
        assertEquals(List.of(), delays);
    }

    @Test
    void aTaskWithADelayGoesToTheManagedScheduler() throws Exception {
        SocketTimers timers = new SocketTimers(managed);
        ScheduledFuture<?> later = timers.schedule(() -> { }, 50, TimeUnit.MILLISECONDS);
        assertEquals(List.of(50L), delays);
        later.get(5, TimeUnit.SECONDS);
        assertTrue(later.isDone());
    }

    /** Shaped like Tyrus's container: the scheduler sits in a final field of a superclass. */
    private static class BaseContainer {
        private final ScheduledExecutorService managedScheduledExecutorService;

        BaseContainer(ScheduledExecutorService scheduler) {
            this.managedScheduledExecutorService = scheduler;
        }
    }

    private static final class ServerContainer extends BaseContainer {
        ServerContainer(ScheduledExecutorService scheduler) {
            super(scheduler);
        }
    }

    @Test
    void theContainersSchedulerGetsTheTimersInFrontOfItOnce() throws Exception {
        ServerContainer container = new ServerContainer(managed);
        assertTrue(SocketContainer.install(container));
        assertTrue(SocketContainer.install(container), "a second install leaves it as it is");
        var field = BaseContainer.class.getDeclaredField(SocketContainer.SCHEDULER_FIELD);
        field.setAccessible(true);
        SocketTimers timers = assertInstanceOf(SocketTimers.class, field.get(container));
        timers.schedule(() -> { }, 10, TimeUnit.MILLISECONDS);
        assertEquals(List.of(10L), delays, "the timers hand delayed tasks to the scheduler they replaced");
    }

    @Test
    void aContainerWithoutTheFieldIsLeftAlone() {
        assertFalse(SocketContainer.install(new Object()));
    }
}
