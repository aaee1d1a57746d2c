package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.parley.storage.boundary.Storage;

/**
 * Reports the database on {@code /health/ready} and {@code /health/live}: UP or DOWN and nothing
 * more, since anyone may ask. Which database it is and why it fails goes to the log only.
 */
@ApplicationScoped
public class DatabaseHealth {

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

    @Produces
    @Liveness
    HealthCheck live() {
        return this::database;
    }

    HealthCheckResponse database() {
        return HealthCheckResponse.named("database").status(storage.answers()).build();
    }
}
