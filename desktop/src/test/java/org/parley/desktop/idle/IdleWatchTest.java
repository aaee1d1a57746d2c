package org.parley.desktop.idle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.desktop.protocol.Status;

class IdleWatchTest {

    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration AWAY = Duration.ofMinutes(15);

    @Test
    void aMemberAtTheComputerKeepsTheirStatus() {
        assertNull(IdleWatch.statusFor(Duration.ofMinutes(4), false, IDLE, AWAY));
    }

    @Test
    void fiveMinutesWithoutInputIsIdleAndFifteenIsAway() {
        assertEquals(Status.IDLE, IdleWatch.statusFor(Duration.ofMinutes(5), false, IDLE, AWAY));
        assertEquals(Status.AWAY, IdleWatch.statusFor(Duration.ofMinutes(15), false, IDLE, AWAY));
    }

    @Test
    void aLockedScreenIsAwayAtOnce() {
        assertEquals(Status.AWAY, IdleWatch.statusFor(Duration.ZERO, true, IDLE, AWAY));
    }
}
