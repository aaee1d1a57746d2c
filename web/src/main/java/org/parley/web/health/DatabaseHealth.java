package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.parley.storage.boundary.DatabaseStatus;
import org.parley.storage.boundary.Storage;

/** Reports the database on {@code /health/ready} and {@code /health/live}. */
@ApplicationScoped
public class DatabaseHealth {

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
        DatabaseStatus status = storage.status();
        return HealthCheckResponse.named("database")
                .status(status.up())
                .withData("database", status.product())
                .withData("state", status.detail())
                .build();
    }
}
