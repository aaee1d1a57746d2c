package org.parley.web.rest;

import java.util.Map;

/** What Parley's JAX-RS applications tell Jersey, Payara's implementation. */
final class JerseySettings {

    /**
     * <ul>
     * <li>No WADL: Jersey would answer {@code OPTIONS} on any resource with an XML description of every resource, method
     * and parameter of the application, to anyone; the OpenAPI description at {@code /openapi} is the one Parley
     * publishes.</li>
     * <li>A query's parameters are not a form's: Parley reads forms from the body only (RFC 6749 §3.2 for the token
     * endpoint). Taking them as a form's, Jersey logged a WARNING ("contains form parameters in the request body but the
     * request body has been consumed") for every form {@code POST} with an empty body and a query, from anyone.</li>
     * </ul>
     */
    static final Map<String, Object> ALL = Map.of(
            "jersey.config.server.wadl.disableWadl", Boolean.TRUE,
            "jersey.config.servlet.form.queryParams.disabled", Boolean.TRUE);

    private JerseySettings() {
    }
}
