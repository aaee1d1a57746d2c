package org.parley.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.parley.web.socket.SocketSessions;

class SweepHealthTest {

    /** The socket registry as its sweep leaves it: the last sweep that ended, every 30 s. */
    private static final class Swept extends SocketSessions {
        volatile long at = System.nanoTime();
        volatile boolean asked;

        @Override
        public long lastSweep() {
            asked = true;
            return at;
        }

        @Override
        public Duration sweepInterval() {
            return Duration.ofSeconds(30);
        }
    }

    private final Swept sockets = new Swept();
    private final SweepHealth health = new SweepHealth();

    SweepHealthTest() {
        health.sockets = sockets;
    }

    @Test
    void whileTheApplicationStartsItIsUpWithoutAskingTheSockets() {
        sockets.at = System.nanoTime() - Duration.ofHours(1).toNanos();
        HealthCheckResponse answer = health.live().call();

        assertEquals("sweeps", answer.getName());
        assertEquals(HealthCheckResponse.Status.UP, answer.getStatus());
        assertEquals(false, sockets.asked);
    }

    @Test
    void onceStartedItIsUpWhileTheSweepRunsAndDownOnceThreeIntervalsPassedWithoutOne() {
        health.started(new Object());

        assertEquals(HealthCheckResponse.Status.UP, health.live().call().getStatus());
        sockets.at = System.nanoTime() - Duration.ofSeconds(80).toNanos();
        assertEquals(HealthCheckResponse.Status.UP, health.live().call().getStatus(), "two missed sweeps and a bit");
        sockets.at = System.nanoTime() - Duration.ofSeconds(95).toNanos();
        assertEquals(HealthCheckResponse.Status.DOWN, health.live().call().getStatus(), "three missed sweeps");
        sockets.at = System.nanoTime();
        assertEquals(HealthCheckResponse.Status.UP, health.live().call().getStatus(), "the sweep ran again");
    }
}
