package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import java.util.Set;

/** The Presence API's per-member resources under {@code /users}. */
@OpenAPIDefinition(info = @Info(title = "Parley", version = "1",
        description = "Presence API, OAuth 2.0 endpoints and visitor tickets of Parley, presence and web chat for intranets. "
                + "See the README and SPEC.md for the rules."))
@ApplicationPath("users")
public class UsersApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UserPresenceResource.class, OAuthErrors.class);
    }
}
