package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.parley.web.socket.SocketSessions;

/**
 * Reports on {@code /health/live} whether Parley's keep-alive sweep still runs: the task that pings every socket and
 * closes the silent and stuck ones, and the connections that do not ask in time. It runs every ping interval; when none
 * has ended for three of them, its scheduler is stuck or dropped it, nothing lets go of dead peers any more, and the
 * check says DOWN (an orchestrator then restarts the server), with a WARNING in the log. It never asks the database:
 * a database that does not answer makes {@code /health/ready} DOWN ({@link DatabaseHealth}), and restarting every Parley
 * for it would only lose the conversations each holds in memory. Up while the application starts.
 */
@ApplicationScoped
public class SweepHealth {

    private static final Logger LOG = Logger.getLogger(SweepHealth.class.getName());
    /** Sweep intervals without a sweep after which the check says DOWN. */
    static final int MISSED_SWEEPS = 3;

    private volatile boolean started;
    /** Whether the last answer was DOWN: the log says so once, not at every probe. */
    private volatile boolean down;

    @Inject
    SocketSessions sockets;

    @Produces
    @Liveness
    HealthCheck live() {
        return this::sweeps;
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        started = true;
    }

    HealthCheckResponse sweeps() {
        if (!started) {
            return new HealthCheckResponse("sweeps", HealthCheckResponse.Status.UP, Optional.empty());
        }
        long since = System.nanoTime() - sockets.lastSweep();
        boolean late = since > MISSED_SWEEPS * sockets.sweepInterval().toNanos();
        if (late && !down) {
            LOG.warning(() -> "The keep-alive sweep has not run for " + TimeUnit.NANOSECONDS.toSeconds(since) + " s (it runs"
                    + " every " + sockets.sweepInterval().toSeconds() + " s; its scheduler is stuck or dropped it): silent"
                    + " and stuck sockets and connections are no longer closed, and /health/live says DOWN");
        }
        down = late;
        return new HealthCheckResponse("sweeps", late ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP,
                Optional.empty());
    }
}
