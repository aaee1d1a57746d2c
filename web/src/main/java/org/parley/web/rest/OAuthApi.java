package org.parley.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** {@code /oauth/token}, {@code /oauth/revoke}, {@code /oauth/device}; {@code /oauth/authorize} is a Faces page. */
@ApplicationPath("oauth")
public class OAuthApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenResource.class, RevokeResource.class, DeviceResource.class, OAuthErrors.class,
                OAuthForms.class, OAuthFailures.class);
    }

    /** Jersey answers {@code OPTIONS} with the allowed methods only, not with a WADL description of every resource. */
    @Override
    public Map<String, Object> getProperties() {
        return JerseySettings.ALL;
    }
}
