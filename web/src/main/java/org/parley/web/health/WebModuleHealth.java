package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports on {@code /health/ready} whether Parley's web module serves its pages yet: DOWN until
 * {@link WebModuleStarted} says the container has started everything in it. MicroProfile Health
 * asks the application's checks while it is still being deployed, and the database's check alone
 * said UP while every page still answered 404 and then 500 for seconds; a load balancer would have
 * sent people there.
 */
@ApplicationScoped
public class WebModuleHealth {

    private volatile boolean started;

    /** The container has started the web module: its pages are served from now on. */
    void started() {
        started = true;
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> HealthCheckResponse.named("web").status(started).build();
    }
}
