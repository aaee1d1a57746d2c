package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The Presence API's per-member resources under {@code /users}. */
@ApplicationPath("users")
public class UsersApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UserPresenceResource.class, OAuthErrors.class);
    }
}
