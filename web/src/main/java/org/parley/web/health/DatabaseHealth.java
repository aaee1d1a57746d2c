package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.parley.storage.boundary.Storage;

/**
 * Reports the database on {@code /health/ready}: UP or DOWN and nothing more, since anyone may
 * ask (not on {@code /health/live}: a database that does not answer is no reason to restart the
 * server, {@link SweepHealth}). Which database it is and why it fails goes to the log only. Until the
 * application has started it is DOWN without asking: Payara runs the checks while it still deploys,
 * when the EJB container refuses every call (a load balancer's probe then put a warning with a
 * page of stack trace in the log at each start, and started the database migration on its thread).
 */
@ApplicationScoped
public class DatabaseHealth {

    private volatile boolean started;

    /**
     * Through CDI, not {@code @EJB} like elsewhere: MicroProfile Health makes this bean while the application is
     * being deployed, before the web module's {@code @EJB} references can be looked up (an EAR then fails to deploy).
     * A health probe is not a hot path.
     */
    @Inject
    Storage storage;

    @Produces
    @Readiness
    HealthCheck ready() {
        return this::database;
    }

    /** The web module started: the session beans it calls have been started before it. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        started = true;
    }

    HealthCheckResponse database() {
        return new HealthCheckResponse("database", started && storage.answers() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.empty());
    }
}
