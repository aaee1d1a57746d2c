package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** Parley's own API under {@code /api}; the per-member Presence API under {@code /users} is {@link UserPresenceServlet}. */
@OpenAPIDefinition(info = @Info(title = "Parley", version = "1",
        description = "Presence API, OAuth 2.0 endpoints and visitor tickets of Parley, presence and web chat for intranets. "
                + "See the README and SPEC.md for the rules."))
@ApplicationPath("api")
public class ParleyApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VisitorTicketsResource.class, PresenceBatchResource.class, OAuthErrors.class, ApiFailures.class);
    }

    /** Jersey answers {@code OPTIONS} with the allowed methods only, not with a WADL description of every resource. */
    @Override
    public Map<String, Object> getProperties() {
        return JerseySettings.ALL;
    }
}
