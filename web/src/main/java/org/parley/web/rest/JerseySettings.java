package org.parley.web.rest;

import java.util.Map;

/** What Parley's JAX-RS applications tell Jersey, Payara's implementation. */
final class JerseySettings {

    /**
     * No WADL: Jersey would answer {@code OPTIONS} on any resource with an XML description of every resource, method and
     * parameter of the application, to anyone; the OpenAPI description at {@code /openapi} is the one Parley publishes.
     */
    static final Map<String, Object> NO_WADL = Map.of("jersey.config.server.wadl.disableWadl", Boolean.TRUE);

    private JerseySettings() {
    }
}
