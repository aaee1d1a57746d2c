package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Parley's own API under {@code /api}. */
@ApplicationPath("api")
public class ParleyApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VisitorTicketsResource.class, PresenceBatchResource.class, OAuthErrors.class);
    }
}
