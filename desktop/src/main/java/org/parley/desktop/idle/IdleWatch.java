package org.parley.desktop.idle;

import java.awt.Component;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parley.desktop.protocol.Status;
import org.parley.desktop.session.Daemons;

/**
 * Looks at the computer's idle time every few seconds and says which automatic status it calls
 * for: {@link Status#IDLE} after {@code idleAfter}, {@link Status#AWAY} after {@code awayAfter} or
 * while the screen is locked, {@code null} once the member is back. Only changes are passed on.
 */
public final class IdleWatch {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("parley-idle"));
    private Status said;

    private IdleWatch() {
    }

    /** Starts watching; {@code idleAfter} of zero never turns the status idle. */
    public static IdleWatch start(Component window, Duration idleAfter, Duration awayAfter, Consumer<Status> automatic) {
        IdleWatch watch = new IdleWatch();
        if (idleAfter.isZero()) {
            return watch;
        }
        watch.timer.execute(() -> {
            LastInput input = LastInput.best();
            watch.timer.scheduleWithFixedDelay(() -> watch.look(input, idleAfter, awayAfter, automatic), 0, 5, TimeUnit.SECONDS);
        });
        return watch;
    }

    static Status statusFor(Duration idle, boolean locked, Duration idleAfter, Duration awayAfter) {
        if (locked || idle.compareTo(awayAfter) >= 0) {
            return Status.AWAY;
        }
        return idle.compareTo(idleAfter) >= 0 ? Status.IDLE : null;
    }

    private void look(LastInput input, Duration idleAfter, Duration awayAfter, Consumer<Status> automatic) {
        input.idle().ifPresent(idle -> {
            Status now = statusFor(idle, input.screenLocked(), idleAfter, awayAfter);
            if (now != said) {
                said = now;
                automatic.accept(now);
            }
        });
    }

    public void stop() {
        timer.shutdownNow();
    }
}
